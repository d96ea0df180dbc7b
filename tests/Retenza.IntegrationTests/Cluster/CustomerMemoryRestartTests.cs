using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Retenza.IntegrationTests.Postgres;

namespace Retenza.IntegrationTests.Cluster;

/// <summary>Issue 4 in cluster mode: a customer's history (contacts, VIP, threads) lives in PostgreSQL, not in an activation.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CustomerMemoryRestartTests(PostgresServer postgres)
{
    private const string Email = "memory@example.com";

    [Fact]
    public async Task Contact_history_survives_a_silo_restart_and_drives_repeat_contact_afterwards()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var clusterId = "memory-" + Guid.NewGuid().ToString("N")[..8];
        var key = await ClusterNode.AddTenantAsync(connectionString, "acme");
        string ticketId;

        await using (var silo = SiloProcess.Start(connectionString, clusterId))
        {
            await silo.WaitUntilActiveAsync(TimeSpan.FromSeconds(60));
            await using var api = new ClusterApiFactory(connectionString, clusterId);
            var http = ClusterNode.CreateClient(api, key);
            var put = await http.PutAsync($"/v1/customers/by-email/{Email}", new StringContent("""{"vip":true,"externalId":"shop-7"}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            var ingest = new RetryingIngestClient(http);

            var first = await ingest.PostAsync("<memory-1@shop.example>", Email, "Where is my parcel? Order RT-55501.");
            var second = await ingest.PostAsync("<memory-2@shop.example>", Email, "Any news about RT-55501?");

            ticketId = first.TicketId;
            Assert.Equal(ticketId, second.TicketId);
            await silo.StopAsync();
        }

        await using var restarted = SiloProcess.Start(connectionString, clusterId);
        await restarted.WaitUntilActiveAsync(TimeSpan.FromSeconds(60));
        await using var newApi = new ClusterApiFactory(connectionString, clusterId);
        var client = ClusterNode.CreateClient(newApi, key);

        var customer = await client.GetFromJsonAsync<JsonElement>($"/v1/customers/by-email/{Email}");
        Assert.True(customer.GetProperty("vip").GetBoolean());
        Assert.Equal("shop-7", customer.GetProperty("externalId").GetString());
        Assert.Equal(["memory-1@shop.example", "memory-2@shop.example"],
            customer.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("messageId").GetString()));

        // The retried second message is still recognised: nothing is appended twice.
        var client2 = new RetryingIngestClient(client);
        var replay = await client2.PostAsync("<memory-2@shop.example>", Email, "Any news about RT-55501?");
        Assert.Equal(HttpStatusCode.OK, replay.Status);

        var third = await client2.PostAsync("<memory-3@shop.example>", Email, "Still nothing for RT-55501.");

        Assert.Equal(ticketId, third.TicketId);
        var ticket = await client.GetFromJsonAsync<JsonElement>($"/v1/tickets/{ticketId}");
        Assert.Equal(3, ticket.GetProperty("messages").GetArrayLength());
        var repeat = ticket.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "repeat_contact");
        var evidence = repeat.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Contains(evidence, e => e.Contains("memory-1@shop.example", StringComparison.Ordinal));
        Assert.Contains(evidence, e => e.Contains("memory-2@shop.example", StringComparison.Ordinal));
        Assert.Equal("priority", ticket.GetProperty("queue").GetString());
    }
}
