using Retenza.Agents;
using Retenza.Grains.Agents;
using Retenza.Tickets;

namespace Retenza.Grains.Tests.Agents;

/// <summary>
/// A claim can never be stranded: the ticket keeps its lease, and a claim that the holder's session
/// does not confirm after it (a crash between the ticket's and the session's writes) is free again.
/// The crash is the ticket's claim called directly, without the session.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClaimLeaseTests(ClusterFixture fixture)
{
    private readonly AgentTestTenant _t = new(fixture);

    [Fact]
    public async Task An_unrecorded_claim_blocks_others_for_the_lease_then_the_next_claimer_takes_it()
    {
        var ticketId = await _t.OpenAsync("route:review crash");
        Assert.Equal(ClaimAttemptOutcome.Claimed, (await _t.Ticket(ticketId).TryClaim(_t.AgentId("ghost@agents.test"))).Outcome);
        var bob = await _t.AgentAsync("bob@agents.test", ["review"]);

        ClusterFixture.Clock.Advance(AgentSessionGrain.Lease - TimeSpan.FromSeconds(1));
        await bob.Heartbeat();
        Assert.Equal(ClaimAttemptOutcome.NotClaimable, (await bob.Claim(ticketId)).Outcome);
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(2));
        await bob.Heartbeat();
        var taken = await bob.Claim(ticketId);

        Assert.Equal(ClaimAttemptOutcome.Claimed, taken.Outcome);
        var ticket = (await _t.Ticket(ticketId).Get())!;
        Assert.Equal(_t.AgentId("bob@agents.test"), ticket.ClaimedBy);
        var expired = ticket.Audit[^2];
        Assert.Equal(["claim_expired"], expired.ReasonCodes);
        Assert.Equal(("system", TicketStatus.Claimed, TicketStatus.AwaitingReview), (expired.Actor, expired.From!.Value, expired.To));
        Assert.Equal((TicketStatus.Claimed, _t.AgentId("bob@agents.test")), (ticket.Audit[^1].To, ticket.Audit[^1].Actor));
        Assert.Equal([ticketId], (await bob.Get()).Claims);
    }

    [Fact]
    public async Task The_queue_sweep_returns_an_unrecorded_claim_to_its_queue_after_the_lease()
    {
        var ticketId = await _t.OpenAsync("route:review stranded");
        await _t.Ticket(ticketId).TryClaim(_t.AgentId("ghost@agents.test"));
        Assert.Empty(await _t.WaitingAsync("review"));

        ClusterFixture.Clock.Advance(AgentSessionGrain.Lease - TimeSpan.FromSeconds(1));
        await _t.SweepAsync("review");
        Assert.Equal(TicketStatus.Claimed, (await _t.Ticket(ticketId).Get())!.Status);
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(2));
        // The partitions' reminders may run the same sweep on the fake clock: either way the answer is the same.
        await _t.SweepAsync("review");

        var ticket = (await _t.Ticket(ticketId).Get())!;
        Assert.Equal((TicketStatus.AwaitingReview, (string?)null), (ticket.Status, ticket.ClaimedBy));
        Assert.Equal(["claim_expired"], ticket.Audit[^1].ReasonCodes);
        Assert.Equal("system", ticket.Audit[^1].Actor);
        Assert.Equal(ticketId, Assert.Single(await _t.WaitingAsync("review")).TicketId);
        Assert.Equal(0, await _t.SweepAsync("review"));
        var bob = await _t.AgentAsync("bob@agents.test", ["review"]);
        Assert.Equal(ticketId, (await bob.ClaimNext()).TicketId);
    }

    [Fact]
    public async Task A_claim_taken_from_the_queue_but_never_made_goes_back_on_the_list()
    {
        var ticketId = await _t.OpenAsync("route:review taken");
        // Claim-next took the head, then its session crashed before asking the ticket.
        var taken = await Task.WhenAll(_t.Partitions("review").Select(p => p.TakeHead()));
        Assert.Equal(ticketId, Assert.Single(taken, e => e is not null)!.TicketId);
        Assert.Empty(await _t.WaitingAsync("review"));

        ClusterFixture.Clock.Advance(AgentSessionGrain.Lease + TimeSpan.FromSeconds(1));
        await _t.SweepAsync("review");

        Assert.Equal(ticketId, Assert.Single(await _t.WaitingAsync("review")).TicketId);
        var ticket = (await _t.Ticket(ticketId).Get())!;
        Assert.Equal(TicketStatus.AwaitingReview, ticket.Status);
        Assert.DoesNotContain(ticket.Audit, a => a.ReasonCodes.Contains("claim_expired"));
    }

    [Fact]
    public async Task A_claim_the_session_confirms_is_kept_past_the_recorded_lease_without_a_write()
    {
        var ticketId = await _t.OpenAsync("route:review kept");
        var ana = await _t.AgentAsync("ana@agents.test", ["review"]);
        await ana.ClaimNext();

        for (var i = 0; i < 4; i++)
        {
            ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(1));
            await ana.Heartbeat();
        }

        var writes = fixture.Storage.Writes("ticket", _t.TicketGrainId(ticketId));
        await _t.SweepAsync("review");
        var bob = await _t.AgentAsync("bob@agents.test", ["review"]);

        Assert.Equal(ClaimAttemptOutcome.NotClaimable, (await bob.Claim(ticketId)).Outcome);
        Assert.Equal(_t.AgentId("ana@agents.test"), (await _t.Ticket(ticketId).Get())!.ClaimedBy);
        Assert.Equal(writes, fixture.Storage.Writes("ticket", _t.TicketGrainId(ticketId)));
        // The confirmation moved the next check to the session's lease end: nothing more to ask now.
        Assert.Equal(0, await _t.SweepAsync("review"));
    }

    [Fact]
    public async Task A_transferred_claim_the_new_holder_never_recorded_is_free_after_the_new_lease()
    {
        var ticketId = await _t.OpenAsync("route:review handed");
        var ana = await _t.AgentAsync("ana@agents.test", ["review"]);
        await ana.Claim(ticketId);
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(90));
        // Bob's session never records the claim (a crash after the ticket's write).
        await _t.Ticket(ticketId).TransferToAgent(_t.AgentId("ana@agents.test"), false, _t.AgentId("bob@agents.test"), ["review"], "yours");
        await ana.Forget(ticketId);
        var carl = await _t.AgentAsync("carl@agents.test", ["review"]);

        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(60)); // past ana's lease, within the transfer's
        await carl.Heartbeat();
        Assert.Equal(ClaimAttemptOutcome.NotClaimable, (await carl.Claim(ticketId)).Outcome);
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(61));
        await carl.Heartbeat();
        Assert.Equal(ClaimAttemptOutcome.Claimed, (await carl.Claim(ticketId)).Outcome);
    }

    [Fact]
    public async Task Sweeps_racing_claims_that_call_the_same_partitions_neither_deadlock_nor_double_expire()
    {
        var tickets = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var id = await _t.OpenAsync($"route:review race {i}");
            await _t.Ticket(id).TryClaim(_t.AgentId("ghost@agents.test"));
            tickets.Add(id);
        }

        var agents = await Task.WhenAll(tickets.Select((_, i) => _t.AgentAsync($"racer{i}@agents.test", ["review"])));
        ClusterFixture.Clock.Advance(AgentSessionGrain.Lease + TimeSpan.FromSeconds(1));
        await Task.WhenAll(agents.Select(a => a.Heartbeat()));

        // Each claim asks the ghost's session, expires its claim and calls the partition (Hold); the sweeps,
        // started while the claims wait on the sessions, call the same tickets from those partitions.
        var claims = tickets.Select((t, i) => agents[i].Claim(t)).ToArray();
        var sweeps = Enumerable.Range(0, 3).Select(_ => _t.SweepAsync("review")).ToArray();
        await Task.WhenAll(sweeps.Concat<Task>(claims));

        var holders = await Task.WhenAll(tickets.Select(t => _t.Ticket(t).Get()));
        for (var i = 0; i < tickets.Count; i++)
        {
            Assert.Equal(_t.AgentId($"racer{i}@agents.test"), holders[i]!.ClaimedBy);
            Assert.Single(holders[i]!.Audit, a => a.ReasonCodes.Contains("claim_expired"));
        }

        Assert.Empty(await _t.WaitingAsync("review"));
    }
}
