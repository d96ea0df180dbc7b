using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Retenza.IntegrationTests.Postgres;
using Retenza.Tenants;

namespace Retenza.IntegrationTests.Cluster;

/// <summary>Agents, tokens, queues, claims and SLA state live in grain storage: a full cluster restart keeps them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AgentWorkflowRestartTests(PostgresServer postgres)
{
    [Fact]
    public async Task Agents_queues_and_claims_survive_a_full_cluster_restart()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var clusterId = "agents-" + Guid.NewGuid().ToString("N")[..8];
        IReadOnlyDictionary<ApiKeyKind, string> keys;
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            keys = await new TenantStore(dataSource).AddTenantAsync("acme");
        }

        string token;
        string queue;
        var held = new List<string>();
        var waiting = new List<string>();
        await using (var silo = SiloProcess.Start(connectionString, clusterId))
        {
            await silo.WaitUntilActiveAsync(TimeSpan.FromSeconds(60));
            await using var api = new ClusterApiFactory(connectionString, clusterId);
            var platform = ClusterNode.CreateClient(api, keys[ApiKeyKind.Platform]);
            var ingest = new RetryingIngestClient(platform);
            var tickets = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                var accepted = await ingest.PostAsync($"<agents-{i}@shop.example>", $"c{i}@example.com", "Where is my parcel?");
                Assert.Equal(HttpStatusCode.Created, accepted.Status);
                tickets.Add(accepted.TicketId);
            }

            var first = await platform.GetFromJsonAsync<JsonElement>($"/v1/tickets/{tickets[0]}");
            queue = first.GetProperty("queue").GetString()!;
            var admin = ClusterNode.CreateClient(api, keys[ApiKeyKind.Admin]);
            var created = await admin.PostAsJsonAsync("/v1/agents", new { name = "Ana", email = "ana@acme.test", queues = new[] { queue }, capacity = 3 });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
            var agent = ClusterNode.CreateClient(api, token);
            Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/v1/agents/me/session", null)).StatusCode);
            for (var i = 0; i < 2; i++)
            {
                var claim = await agent.PostAsync("/v1/agents/me/claims", null);
                Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
                held.Add((await claim.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketId").GetString()!);
            }

            waiting.AddRange(tickets.Except(held));
            await silo.StopAsync();
        }

        await using var restarted = SiloProcess.Start(connectionString, clusterId);
        await restarted.WaitUntilActiveAsync(TimeSpan.FromSeconds(60));
        await using var newApi = new ClusterApiFactory(connectionString, clusterId);
        var again = ClusterNode.CreateClient(newApi, token);

        var claims = await again.GetFromJsonAsync<JsonElement>("/v1/agents/me/claims");
        Assert.Equal(held.Order(), claims.EnumerateArray().Select(c => c.GetString()!).Order());
        var listing = await again.GetFromJsonAsync<JsonElement>($"/v1/queues/{queue}");
        Assert.Equal(waiting.Order(), listing.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("ticketId").GetString()!).Order());
        var next = await again.PostAsync("/v1/agents/me/claims", null);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains((await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketId").GetString(), waiting);
        Assert.Equal(HttpStatusCode.Conflict, (await again.PostAsync("/v1/agents/me/claims", null)).StatusCode); // capacity 3 reached
        var reply = await again.PostAsJsonAsync($"/v1/tickets/{held[0]}/reply", new { text = "It is on its way.", resolve = true });
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);

        // A claim held across the restart can be handed to a colleague, and the handover is stored.
        var newAdmin = ClusterNode.CreateClient(newApi, keys[ApiKeyKind.Admin]);
        var bobCreated = await newAdmin.PostAsJsonAsync("/v1/agents", new { name = "Bob", email = "bob@acme.test", queues = new[] { queue }, capacity = 3 });
        var bobJson = await bobCreated.Content.ReadFromJsonAsync<JsonElement>();
        var bob = ClusterNode.CreateClient(newApi, bobJson.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await bob.PostAsync("/v1/agents/me/session", null)).StatusCode);
        var bobId = bobJson.GetProperty("agent").GetProperty("id").GetString();
        var transfer = await again.PostAsJsonAsync($"/v1/tickets/{held[1]}/transfer", new { agentId = bobId, note = "yours now" });
        Assert.Equal(HttpStatusCode.OK, transfer.StatusCode);
        var bobClaims = await bob.GetFromJsonAsync<JsonElement>("/v1/agents/me/claims");
        Assert.Equal([held[1]], bobClaims.EnumerateArray().Select(c => c.GetString()!));
        var handed = await newAdmin.GetFromJsonAsync<JsonElement>($"/v1/tickets/{held[1]}/briefing");
        var last = handed.GetProperty("audit").EnumerateArray().Last();
        Assert.Equal(bobId, last.GetProperty("transfer").GetProperty("toAgent").GetString());
    }
}
