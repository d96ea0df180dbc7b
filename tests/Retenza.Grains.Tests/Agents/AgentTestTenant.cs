using Retenza.Agents;
using Retenza.Queues;
using Retenza.Tenancy;
using Retenza.Tickets;
using Retenza.Triage.Customers;

namespace Retenza.Grains.Tests.Agents;

/// <summary>A fresh tenant on the shared cluster with the helpers agent-workflow tests need.</summary>
internal sealed class AgentTestTenant(ClusterFixture fixture)
{
    public string Name { get; } = Messages.NewTenant();

    public string AgentId(string email) => AgentIds.ForEmail(Name, email);

    public ITicketGrain Ticket(string id) => fixture.Grains.GetGrain<ITicketGrain>(GrainKeys.Compose(Name, id));

    public IAgentSessionGrain Session(string email) => fixture.Grains.GetGrain<IAgentSessionGrain>(GrainKeys.Compose(Name, AgentId(email)));

    public GrainId TicketGrainId(string id) => GrainId.Create("ticket", GrainKeys.Compose(Name, id));

    public GrainId SessionGrainId(string email) => GrainId.Create("agentsession", GrainKeys.Compose(Name, AgentId(email)));

    public IQueuePartitionGrain[] Partitions(string queue) =>
        QueueKeys.AllPartitions(Name, queue).Select(p => fixture.Grains.GetGrain<IQueuePartitionGrain>(p)).ToArray();

    /// <summary>Runs every partition's sweep of <paramref name="queue"/> (what their reminders run each minute).</summary>
    public async Task<int> SweepAsync(string queue) => (await Task.WhenAll(Partitions(queue).Select(p => p.CheckSla()))).Sum();

    public async Task<string> OpenAsync(string text)
    {
        var message = Messages.Inbound(text: text);
        var id = TicketIds.ForMessage(Name, message.MessageId);
        var result = await Ticket(id).Open(message, "cus-test", CustomerContext.FirstContact);
        Assert.Equal(IngestOutcome.Created, result.Outcome);
        return id;
    }

    /// <summary>An agent with this profile (created once), signed in with it.</summary>
    public async Task<IAgentSessionGrain> AgentAsync(string email, string[] queues, int capacity = 3, bool signIn = true)
    {
        var id = AgentId(email);
        await fixture.Grains.GetGrain<IAgentGrain>(GrainKeys.Compose(Name, id)).Create(
            new AgentProfile(id, "Agent", email, queues, capacity, ClusterFixture.Clock.GetUtcNow()), "hash");
        var session = Session(email);
        if (signIn)
        {
            await session.SignIn(null, null);
        }

        return session;
    }

    public async Task<List<QueueEntry>> WaitingAsync(string queue) =>
        (await Task.WhenAll(Partitions(queue).Select(p => p.List(1000)))).SelectMany(l => l).ToList();
}
