using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Retenza.Agents;
using Retenza.Hosting;
using Retenza.Messages;
using Retenza.Queues;
using Retenza.Tenancy;
using Retenza.Tickets;
using Retenza.Triage;
using Retenza.Triage.Customers;

// Claim-next latency: a local-mode silo (co-hosted, in-memory storage) with one queue of N tickets and
// A agents signed in. Grain calls, no HTTP. Two ways to load it:
//   closed loop (rate omitted): every agent claims again the moment its last claim returns, until the
//     queue is empty: the storm, whose latency is set by throughput (Little's law: A ÷ claims/s).
//   open loop (rate R claims/s): claims are started on a fixed schedule spread over the agents, whatever
//     the answers; latency counts from the scheduled start, so a slow answer delays nothing behind it
//     unseen. This is latency at a given load.
// Usage: dotnet run -c Release --project bench/Retenza.ClaimBench -- [tickets=10000] [agents=200] [rate]
var tickets = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var agents = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
double? rate = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : null;
const string Tenant = "bench";

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering();
    silo.AddInProcessGrainStorage();
    silo.UseInMemoryReminderService();
    silo.Services.AddRetenzaGrainServices();
    silo.Services.AddSingleton<ITriagePipeline, UnavailableTriagePipeline>(); // routes every ticket to "escalations"
});
using var host = builder.Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();

var seed = Stopwatch.StartNew();
var now = DateTimeOffset.UtcNow;
await Parallel.ForEachAsync(Enumerable.Range(0, tickets), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
{
    var message = new InboundMessage($"bench-{i}@shop.test", new EmailAddress($"c{i % 1000}@shop.test", null), ["support@shop.test"],
        "Help", $"Message {i}", null, null, [], now, null);
    await grains.GetGrain<ITicketGrain>(GrainKeys.Compose(Tenant, TicketIds.ForMessage(Tenant, message.MessageId)))
        .Open(message, "cus-bench", CustomerContext.FirstContact);
});
var perAgent = (tickets + agents - 1) / agents;
var sessions = new IAgentSessionGrain[agents];
for (var a = 0; a < agents; a++)
{
    var id = AgentIds.ForEmail(Tenant, $"agent{a}@bench.test");
    var key = GrainKeys.Compose(Tenant, id);
    await grains.GetGrain<IAgentGrain>(key).Create(new AgentProfile(id, "Agent", $"agent{a}@bench.test", ["escalations"], perAgent + 1, now), "x");
    sessions[a] = grains.GetGrain<IAgentSessionGrain>(key);
    await sessions[a].SignIn(null, null);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"seeded {tickets} tickets in 'escalations' ({QueueKeys.Partitions} partitions) and {agents} agents in {seed.Elapsed.TotalSeconds:0.0} s; {Environment.ProcessorCount} cores"));

var latencies = new List<double>[agents];
var claimed = 0;
var wall = Stopwatch.StartNew();
if (rate is { } perSecond)
{
    // Each agent claims every agents/rate seconds, the agents' schedules staggered evenly.
    var interval = TimeSpan.FromSeconds(agents / perSecond);
    await Task.WhenAll(Enumerable.Range(0, agents).Select(a => Task.Run(async () =>
    {
        var mine = latencies[a] = [];
        var offset = interval * a / agents;
        for (var k = 0; ; k++)
        {
            var due = offset + interval * k;
            if (due > wall.Elapsed)
            {
                await Task.Delay(due - wall.Elapsed);
            }

            var attempt = await sessions[a].ClaimNext();
            mine.Add((wall.Elapsed - due).TotalMilliseconds);
            if (attempt.Outcome != ClaimAttemptOutcome.Claimed)
            {
                return;
            }

            Interlocked.Increment(ref claimed);
        }
    })));
}
else
{
    await Task.WhenAll(Enumerable.Range(0, agents).Select(a => Task.Run(async () =>
    {
        var mine = latencies[a] = [];
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var attempt = await sessions[a].ClaimNext();
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (attempt.Outcome != ClaimAttemptOutcome.Claimed)
            {
                return;
            }

            Interlocked.Increment(ref claimed);
        }
    })));
}

wall.Stop();

var all = latencies.SelectMany(l => l).Order().ToArray();
double P(double p) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(p / 100 * all.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"claim-next ({(rate is { } r ? $"open loop, {r:0} claims/s offered" : "closed loop")}): {claimed} claimed by {agents} concurrent agents in {wall.Elapsed.TotalSeconds:0.00} s = {claimed / wall.Elapsed.TotalSeconds:0} claims/s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"claim-next latency ms: p50 {P(50):0.00}  p95 {P(95):0.00}  p99 {P(99):0.00}  max {all[^1]:0.00}  (n={all.Length})"));

// Exactly-once check on the whole run: every ticket claimed by exactly one agent.
var held = (await Task.WhenAll(sessions.Select(s => s.Get()))).SelectMany(s => s.Claims).ToArray();
Console.WriteLine($"distinct tickets held: {held.Distinct().Count()} of {held.Length} claims (expected {tickets})");
await host.StopAsync();
return held.Length == tickets && held.Distinct().Count() == tickets ? 0 : 1;
