using Retenza.Agents;
using Retenza.Grains.Agents;
using Retenza.Queues;
using Retenza.Tenancy;
using Retenza.Tickets;
using Retenza.Triage.Customers;

namespace Retenza.Grains.Tests.Agents;

/// <summary>Queues, sessions and leased claims on the shared test cluster; each test has its own tenant.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AgentWorkflowTests(ClusterFixture fixture)
{
    private readonly string _tenant = Messages.NewTenant();

    [Fact]
    public async Task A_routed_ticket_waits_in_its_queue_with_its_sla_and_leaves_it_when_claimed()
    {
        var ticketId = await OpenAsync("route:review please check");
        var entries = await WaitingAsync("review");
        var entry = Assert.Single(entries);
        Assert.Equal(ticketId, entry.TicketId);
        Assert.Equal(ClusterFixture.Clock.GetUtcNow().AddMinutes(480), entry.SlaDueAt);

        var agent = await SignedInAgentAsync("ana@agents.test", ["review"]);
        var claim = await agent.ClaimNext();

        Assert.Equal(ClaimAttemptOutcome.Claimed, claim.Outcome);
        Assert.Equal(ticketId, claim.TicketId);
        Assert.Empty(await WaitingAsync("review"));
        Assert.Equal([ticketId], (await agent.Get()).Claims);
        var ticket = await Ticket(ticketId).Get();
        Assert.Equal(TicketStatus.Claimed, ticket!.Status);
        Assert.Equal(AgentId("ana@agents.test"), ticket.ClaimedBy);
    }

    [Fact]
    public async Task Claim_next_takes_higher_priority_first_then_the_older_ticket()
    {
        var low = await OpenAsync("route:review prio:0");
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var highOld = await OpenAsync("route:review prio:2");
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var highNew = await OpenAsync("route:review prio:2");
        var agent = await SignedInAgentAsync("order@agents.test", ["review"], capacity: 5);

        var claimed = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            claimed.Add((await agent.ClaimNext()).TicketId);
        }

        Assert.Equal([highOld, highNew, low], claimed);
        Assert.Equal(ClaimAttemptOutcome.QueueEmpty, (await agent.ClaimNext()).Outcome);
    }

    [Fact]
    public async Task One_hundred_concurrent_claimers_claim_one_hundred_tickets_each_exactly_once()
    {
        var tickets = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            tickets.Add(await OpenAsync($"route:review ticket {i}"));
        }

        var agents = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => SignedInAgentAsync($"a{i}@agents.test", ["review"], capacity: 1)));

        var claims = await Task.WhenAll(agents.Select(a => a.ClaimNext()));

        Assert.All(claims, c => Assert.Equal(ClaimAttemptOutcome.Claimed, c.Outcome));
        Assert.Equal(tickets.Order(), claims.Select(c => c.TicketId!).Order());
        var holders = await Task.WhenAll(tickets.Select(async t => (await Ticket(t).Get())!.ClaimedBy));
        Assert.Equal(100, holders.Distinct().Count());
        Assert.Empty(await WaitingAsync("review"));
        Assert.All(await Task.WhenAll(agents.Select(a => a.ClaimNext())), c => Assert.Equal(ClaimAttemptOutcome.AtCapacity, c.Outcome));
    }

    [Fact]
    public async Task One_hundred_agents_racing_for_one_ticket_get_exactly_one_winner()
    {
        var ticketId = await OpenAsync("route:review contested");
        var agents = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => SignedInAgentAsync($"r{i}@agents.test", ["review"])));

        var attempts = await Task.WhenAll(agents.Select(a => a.Claim(ticketId)));

        var winner = Assert.Single(attempts, a => a.Outcome == ClaimAttemptOutcome.Claimed);
        Assert.All(attempts.Where(a => a != winner), a =>
        {
            Assert.Equal(ClaimAttemptOutcome.NotClaimable, a.Outcome);
            Assert.Equal(winner.ClaimedBy, a.ClaimedBy);
        });
        var ticket = await Ticket(ticketId).Get();
        Assert.Single(ticket!.Audit, e => e.To == TicketStatus.Claimed);
        var holding = await Task.WhenAll(agents.Select(a => a.Get()));
        Assert.Single(holding, s => s.Claims.Count == 1);
    }

    [Fact]
    public async Task Capacity_is_respected_and_the_ticket_stays_in_the_queue()
    {
        await OpenAsync("route:review one");
        await OpenAsync("route:review two");
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var third = await OpenAsync("route:review three");
        var agent = await SignedInAgentAsync("cap@agents.test", ["review"], capacity: 2);

        Assert.Equal(ClaimAttemptOutcome.Claimed, (await agent.ClaimNext()).Outcome);
        Assert.Equal(ClaimAttemptOutcome.Claimed, (await agent.ClaimNext()).Outcome);
        var refused = await agent.ClaimNext();
        var direct = await agent.Claim(third);

        Assert.Equal(ClaimAttemptOutcome.AtCapacity, refused.Outcome);
        Assert.Equal(ClaimAttemptOutcome.AtCapacity, direct.Outcome);
        Assert.Equal(TicketStatus.AwaitingReview, (await Ticket(third).Get())!.Status);
        Assert.Single(await WaitingAsync("review"));
    }

    [Fact]
    public async Task A_silent_agent_loses_the_claim_after_the_lease_with_an_audit_entry()
    {
        var ticketId = await OpenAsync("route:review lease");
        var agent = await SignedInAgentAsync("silent@agents.test", ["review"]);
        await agent.ClaimNext();

        ClusterFixture.Clock.Advance(AgentSessionGrain.Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await agent.ExpireIfSilent());
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(2));
        await agent.ExpireIfSilent();

        var ticket = await Ticket(ticketId).Get();
        Assert.Equal(TicketStatus.AwaitingReview, ticket!.Status);
        Assert.Null(ticket.ClaimedBy);
        var expired = ticket.Audit[^1];
        Assert.Equal(["claim_expired"], expired.ReasonCodes);
        Assert.Equal("system", expired.Actor);
        Assert.Equal(TicketStatus.Claimed, expired.From);
        Assert.Empty((await agent.Get()).Claims);
        Assert.Equal(ticketId, Assert.Single(await WaitingAsync("review")).TicketId);
    }

    [Fact]
    public async Task Heartbeats_keep_the_lease()
    {
        var ticketId = await OpenAsync("route:review alive");
        var agent = await SignedInAgentAsync("alive@agents.test", ["review"]);
        await agent.ClaimNext();

        for (var i = 0; i < 5; i++)
        {
            ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.NotNull(await agent.Heartbeat());
            Assert.Equal(0, await agent.ExpireIfSilent());
        }

        Assert.Equal(TicketStatus.Claimed, (await Ticket(ticketId).Get())!.Status);
    }

    [Fact]
    public async Task Signing_out_releases_every_claim_back_to_its_queue()
    {
        var first = await OpenAsync("route:review a");
        var second = await OpenAsync("escalate me");
        var agent = await SignedInAgentAsync("bye@agents.test", ["review", "escalations"], capacity: 2);
        await agent.ClaimNext();
        await agent.ClaimNext();

        var session = await agent.SignOut();

        Assert.False(session.SignedIn);
        Assert.Empty(session.Claims);
        var tickets = await Task.WhenAll(new[] { first, second }.Select(t => Ticket(t).Get()));
        Assert.Equal([TicketStatus.AwaitingReview, TicketStatus.Escalated], tickets.Select(t => t!.Status).ToArray());
        Assert.All(tickets, t => Assert.Equal(["released"], t!.Audit[^1].ReasonCodes));
        Assert.Single(await WaitingAsync("review"));
        Assert.Single(await WaitingAsync("escalations"));
        Assert.Equal(ClaimAttemptOutcome.NotSignedIn, (await agent.ClaimNext()).Outcome);
    }

    [Fact]
    public async Task Release_by_a_non_holder_changes_nothing()
    {
        var ticketId = await OpenAsync("route:review mine");
        var holder = await SignedInAgentAsync("holder@agents.test", ["review"]);
        var other = await SignedInAgentAsync("other@agents.test", ["review"]);
        await holder.Claim(ticketId);

        Assert.False(await other.Release(ticketId, null));

        Assert.Equal(AgentId("holder@agents.test"), (await Ticket(ticketId).Get())!.ClaimedBy);
    }

    [Fact]
    public async Task Agents_only_see_their_own_tenants_queues()
    {
        await OpenAsync("route:review tenant a");
        var otherTenant = Messages.NewTenant();
        var outsider = await SignedInAgentAsync("out@agents.test", ["review"], tenant: otherTenant);

        Assert.Equal(ClaimAttemptOutcome.QueueEmpty, (await outsider.ClaimNext()).Outcome);
        Assert.Single(await WaitingAsync("review"));
    }

    [Fact]
    public async Task A_stale_queue_entry_is_skipped_and_dropped()
    {
        var ticketId = await OpenAsync("route:review stale");
        var fresh = await OpenAsync("route:review fresh");
        var partition = fixture.Grains.GetGrain<IQueuePartitionGrain>(QueueKeys.Partition(_tenant, "review", QueueKeys.PartitionOf(ticketId)));
        // An entry surviving a crash (removals are written lazily) for a ticket someone already holds.
        var early = await SignedInAgentAsync("early@agents.test", ["review"]);
        await early.Claim(ticketId);
        await partition.Put(new QueueEntry(ticketId, 9, null, ClusterFixture.Clock.GetUtcNow(), "stale"));

        var agent = await SignedInAgentAsync("late@agents.test", ["review"]);
        var claim = await agent.ClaimNext();

        Assert.Equal(fresh, claim.TicketId);
        Assert.Empty(await WaitingAsync("review"));
    }

    [Fact]
    public async Task A_ticket_past_its_sla_is_flagged_once_with_raised_priority_and_goes_first()
    {
        var late = await OpenAsync("route:review prio:1 late");
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(10));
        var later = await OpenAsync("route:review prio:1 later");
        var partitions = QueueKeys.AllPartitions(_tenant, "review").Select(p => fixture.Grains.GetGrain<IQueuePartitionGrain>(p)).ToArray();

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(469)); // "late" is due at 480 minutes, "later" at 490
        Assert.Equal(0, (await Task.WhenAll(partitions.Select(p => p.CheckSla()))).Sum());
        Assert.Equal(1, (await Ticket(late).Get())!.Priority);
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(2));
        // The partitions' reminders may already have run this check on the fake clock; either way it happens once.
        await Task.WhenAll(partitions.Select(p => p.CheckSla()));
        Assert.Equal(0, (await Task.WhenAll(partitions.Select(p => p.CheckSla()))).Sum());

        var ticket = await Ticket(late).Get();
        Assert.Equal(2, ticket!.Priority);
        Assert.Equal(TicketStatus.AwaitingReview, ticket.Status);
        var breach = Assert.Single(ticket.Audit, a => a.ReasonCodes.Contains("sla_breached"));
        Assert.Equal((TicketStatus.AwaitingReview, TicketStatus.AwaitingReview), (breach.From!.Value, breach.To));
        Assert.Equal(1, (await Ticket(later).Get())!.Priority);
        var waiting = (await WaitingAsync("review")).Order(Retenza.Grains.Queues.QueueOrder.Instance).ToArray();
        Assert.Equal([late, later], waiting.Select(e => e!.TicketId));
        Assert.Equal(2, waiting[0]!.Priority);
        var stats = await Task.WhenAll(partitions.Select(p => p.Stats(ClusterFixture.Clock.GetUtcNow())));
        Assert.Equal(1, stats.Sum(s => s.Breached));

        var agent = await SignedInAgentAsync("sla@agents.test", ["review"]);
        Assert.Equal(late, (await agent.ClaimNext()).TicketId);
    }

    private string AgentId(string email) => AgentIds.ForEmail(_tenant, email);

    private ITicketGrain Ticket(string id) => fixture.Grains.GetGrain<ITicketGrain>(GrainKeys.Compose(_tenant, id));

    private async Task<string> OpenAsync(string text)
    {
        var message = Messages.Inbound(text: text);
        var id = TicketIds.ForMessage(_tenant, message.MessageId);
        var result = await Ticket(id).Open(message, "cus-test", CustomerContext.FirstContact);
        Assert.Equal(IngestOutcome.Created, result.Outcome);
        return id;
    }

    private async Task<IAgentSessionGrain> SignedInAgentAsync(string email, string[] queues, int capacity = 3, string? tenant = null)
    {
        tenant ??= _tenant;
        var id = AgentIds.ForEmail(tenant, email);
        var key = GrainKeys.Compose(tenant, id);
        await fixture.Grains.GetGrain<IAgentGrain>(key).Create(
            new AgentProfile(id, "Agent", email, queues, capacity, ClusterFixture.Clock.GetUtcNow()), "hash");
        var session = fixture.Grains.GetGrain<IAgentSessionGrain>(key);
        await session.SignIn(null, null);
        return session;
    }

    private async Task<List<QueueEntry>> WaitingAsync(string queue)
    {
        var lists = await Task.WhenAll(QueueKeys.AllPartitions(_tenant, queue).Select(p => fixture.Grains.GetGrain<IQueuePartitionGrain>(p).List(1000)));
        return lists.SelectMany(l => l).ToList();
    }
}
