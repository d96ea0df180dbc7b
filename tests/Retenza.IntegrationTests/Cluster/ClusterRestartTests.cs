using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Retenza.IntegrationTests.Postgres;

namespace Retenza.IntegrationTests.Cluster;

[Collection(PostgresCollection.Name)]
public sealed class ClusterRestartTests(PostgresServer postgres)
{
    [Fact]
    public async Task Tickets_and_customers_survive_a_full_cluster_restart()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var clusterId = "restart-" + Guid.NewGuid().ToString("N")[..8];
        var key = await ClusterNode.AddTenantAsync(connectionString, "acme");
        var messages = Enumerable.Range(0, 20).Select(i => ($"<restart-{i}@shop.example>", $"customer{i % 4}@example.com")).ToArray();

        var before = new Dictionary<string, string>();
        await using (var silo = SiloProcess.Start(connectionString, clusterId))
        {
            await silo.WaitUntilActiveAsync(TimeSpan.FromSeconds(60));
            await using var api = new ClusterApiFactory(connectionString, clusterId);
            var http = ClusterNode.CreateClient(api, key);
            var ingest = new RetryingIngestClient(http);
            foreach (var (messageId, email) in messages)
            {
                var accepted = await ingest.PostAsync(messageId, email, "Where is my parcel?");
                Assert.Equal(HttpStatusCode.Created, accepted.Status);
                before[messageId] = await http.GetStringAsync($"/v1/tickets/{accepted.TicketId}");
            }

            await silo.StopAsync();
        }

        await using var restarted = SiloProcess.Start(connectionString, clusterId);
        await restarted.WaitUntilActiveAsync(TimeSpan.FromSeconds(60));
        await using var newApi = new ClusterApiFactory(connectionString, clusterId);
        var client = ClusterNode.CreateClient(newApi, key);

        // No ticket is in memory after the restart, so the same message ids from another sender open with OpenNew,
        // which does not read the ticket first: PostgreSQL refuses its insert, and the answer is still a conflict that
        // changes nothing (the replays below find every ticket as it was).
        foreach (var (messageId, _) in messages.Take(4))
        {
            using var conflict = await client.PostAsJsonAsync("/v1/messages", new
            {
                messageId,
                from = new { email = "someone-else@example.com", name = "Other" },
                to = new[] { "support@shop.example" },
                subject = "Order question",
                text = "Where is my parcel?",
            });
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        }

        foreach (var (messageId, email) in messages)
        {
            // A replay after the restart must find the stored ticket, not open a second one.
            var replay = await new RetryingIngestClient(client).PostAsync(messageId, email, "Where is my parcel?");
            Assert.Equal(HttpStatusCode.OK, replay.Status);
            Assert.Equal(before[messageId], await client.GetStringAsync($"/v1/tickets/{replay.TicketId}"));
        }

        for (var i = 0; i < 4; i++)
        {
            var customer = await client.GetFromJsonAsync<JsonElement>($"/v1/customers/by-email/customer{i}@example.com");
            Assert.Equal(5, customer.GetProperty("tickets").GetArrayLength());
        }

        Assert.Equal(messages.Length, await ClusterNode.CountTicketRowsAsync(connectionString));
    }
}
