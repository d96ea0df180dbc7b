using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Retenza.IntegrationTests.Postgres;
using Xunit.Abstractions;

namespace Retenza.IntegrationTests.Cluster;

[Collection(PostgresCollection.Name)]
public sealed class SiloFailoverTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const int Writers = 8;
    private const int Customers = 25;
    private const int AcceptedBeforeFailure = 150;
    private const int AcceptedAfterFailure = 150;

    // Probes of 2 s instead of 5: the crashed silo is voted dead sooner, so the stream resumes sooner.
    private static readonly Dictionary<string, string> FastFailureDetection = new()
    {
        ["Retenza__Cluster__ProbeTimeout"] = "00:00:02",

        // Probes, votes and evictions, for the survivor's log printed when the cluster does not recover.
        ["Logging__LogLevel__Orleans.Runtime.MembershipService"] = "Information",
    };

    public enum Failure
    {
        GracefulStop,
        Crash,
    }

    [Theory]
    [InlineData(Failure.GracefulStop)]
    [InlineData(Failure.Crash)]
    public async Task Every_accepted_ingest_is_readable_exactly_once_after_a_silo_goes_away(Failure failure)
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var clusterId = "failover-" + Guid.NewGuid().ToString("N")[..8];
        var key = await ClusterNode.AddTenantAsync(connectionString, "acme");
        await using var doomed = SiloProcess.Start(connectionString, clusterId, FastFailureDetection);
        await using var survivor = SiloProcess.Start(connectionString, clusterId, FastFailureDetection);
        await Task.WhenAll(doomed.WaitUntilActiveAsync(TimeSpan.FromSeconds(60)), survivor.WaitUntilActiveAsync(TimeSpan.FromSeconds(60)));
        await using var api = new ClusterApiFactory(connectionString, clusterId);
        var http = ClusterNode.CreateClient(api, key);
        var ingest = new RetryingIngestClient(http);

        var accepted = new ConcurrentBag<RetryingIngestClient.Accepted>();
        var next = 0;
        var failed = new TaskCompletionSource();
        var enough = AcceptedBeforeFailure + AcceptedAfterFailure;
        async Task Writer()
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) <= enough)
            {
                accepted.Add(await ingest.PostAsync($"<failover-{n}@shop.example>", $"customer{n % Customers}@example.com", $"Message {n}"));
                if (accepted.Count >= AcceptedBeforeFailure)
                {
                    failed.TrySetResult();
                }
            }
        }

        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(Writer)).ToArray();
        await failed.Task;
        var acceptedAtFailure = accepted.Count;
        await (failure == Failure.Crash ? doomed.CrashAsync() : doomed.StopAsync());
        try
        {
            await Task.WhenAll(writers);
        }
        catch (TimeoutException)
        {
            // Why the cluster did not recover is in the survivor's log (probes, votes, membership changes).
            output.WriteLine("Survivor's log:\n" + survivor.Output);
            throw;
        }

        output.WriteLine($"{failure}: {accepted.Count} accepted ({acceptedAtFailure} before the failure), {ingest.Retries} retries.");

        // Every message was accepted once as new and never opened a second ticket.
        Assert.Equal(enough, accepted.Count);
        Assert.Equal(enough, accepted.Select(a => a.TicketId).Distinct().Count());
        Assert.True(accepted.Count - acceptedAtFailure > 0, "the stream must go on after the failure");
        // Read back through a second API node: M API nodes serve one cluster.
        await using var secondApi = new ClusterApiFactory(connectionString, clusterId);
        var reader = ClusterNode.CreateClient(secondApi, key);
        foreach (var message in accepted)
        {
            using var response = await reader.GetAsync($"/v1/tickets/{message.TicketId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        foreach (var group in accepted.GroupBy(a => a.Email))
        {
            var customer = await reader.GetFromJsonAsync<JsonElement>($"/v1/customers/by-email/{group.Key}");
            var listed = customer.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("ticketId").GetString()).ToArray();
            Assert.Equal(listed.Length, listed.Distinct().Count());
            Assert.Equal(group.Select(a => a.TicketId).Order(), listed.Order());
        }

        Assert.Equal(enough, await ClusterNode.CountTicketRowsAsync(connectionString));
    }
}
