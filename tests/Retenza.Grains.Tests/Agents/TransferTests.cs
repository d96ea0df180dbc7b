using Retenza.Agents;
using Retenza.Grains.Agents;
using Retenza.Tickets;

namespace Retenza.Grains.Tests.Agents;

/// <summary>Transfers to a queue and to an agent: who may, what moves, what the trail says, and that retries change nothing.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TransferTests(ClusterFixture fixture)
{
    private readonly AgentTestTenant _t = new(fixture);

    [Fact]
    public async Task The_holder_transfers_to_another_queue_where_it_waits_with_a_transferred_entry_and_one_write()
    {
        var ticketId = await _t.OpenAsync("route:review wrong team");
        var ana = await _t.AgentAsync("ana@agents.test", ["review"]);
        await ana.Claim(ticketId);
        var writes = fixture.Storage.Writes("ticket", _t.TicketGrainId(ticketId));

        var result = await _t.Ticket(ticketId).TransferToQueue(_t.AgentId("ana@agents.test"), false, "risk", "looks like fraud");

        Assert.Equal(TransferOutcome.Transferred, result.Outcome);
        Assert.Equal((TicketStatus.AwaitingReview, "risk", (string?)null), (result.Status!.Value, result.Queue, result.ClaimedBy));
        Assert.Equal(_t.AgentId("ana@agents.test"), result.PreviousHolder);
        Assert.Equal(writes + 1, fixture.Storage.Writes("ticket", _t.TicketGrainId(ticketId)));
        var ticket = (await _t.Ticket(ticketId).Get())!;
        var entry = ticket.Audit[^1];
        Assert.Equal(["transferred"], entry.ReasonCodes);
        Assert.Equal(_t.AgentId("ana@agents.test"), entry.Actor);
        Assert.Equal((TicketStatus.Claimed, TicketStatus.AwaitingReview), (entry.From!.Value, entry.To));
        Assert.Equal("looks like fraud", entry.Note);
        Assert.Equal(new TransferDetails("review", "risk", _t.AgentId("ana@agents.test"), null), entry.Transfer);
        Assert.Equal(ticketId, Assert.Single(await _t.WaitingAsync("risk")).TicketId);
        Assert.Empty(await _t.WaitingAsync("review"));

        var riskAgent = await _t.AgentAsync("rita@agents.test", ["risk"]);
        Assert.Equal(ticketId, (await riskAgent.ClaimNext()).TicketId);
    }

    [Fact]
    public async Task Repeating_a_transfer_changes_nothing_and_adds_no_audit_entry()
    {
        var ticketId = await _t.OpenAsync("route:review retry");
        var ana = await _t.AgentAsync("ana@agents.test", ["review"]);
        await ana.Claim(ticketId);
        var actor = _t.AgentId("ana@agents.test");
        await _t.Ticket(ticketId).TransferToQueue(actor, false, "escalations", "needs a lead");
        var audit = (await _t.Ticket(ticketId).Get())!.Audit.Count;
        var writes = fixture.Storage.Writes("ticket", _t.TicketGrainId(ticketId));

        var again = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _t.Ticket(ticketId).TransferToQueue(actor, false, "escalations", "needs a lead")));

        Assert.All(again, r => Assert.Equal(TransferOutcome.Unchanged, r.Outcome));
        Assert.All(again, r => Assert.Equal(actor, r.PreviousHolder));
        Assert.Equal(audit, (await _t.Ticket(ticketId).Get())!.Audit.Count);
        Assert.Equal(writes, fixture.Storage.Writes("ticket", _t.TicketGrainId(ticketId)));
        // A different transfer is not a retry: ana no longer holds the ticket.
        Assert.Equal(TransferOutcome.NotHolder, (await _t.Ticket(ticketId).TransferToQueue(actor, false, "risk", "needs a lead")).Outcome);
    }

    [Fact]
    public async Task Only_the_holder_or_an_admin_may_transfer_and_a_refusal_changes_nothing()
    {
        var ticketId = await _t.OpenAsync("route:review contested");
        var waiting = await _t.OpenAsync("route:review waiting");
        var answered = await _t.OpenAsync("route:auto answered");
        var ana = await _t.AgentAsync("ana@agents.test", ["review"]);
        await ana.Claim(ticketId);
        var before = (await _t.Ticket(ticketId).Get())!;

        var byOther = await _t.Ticket(ticketId).TransferToQueue(_t.AgentId("bob@agents.test"), false, "risk", "mine now");
        var waitingByAgent = await _t.Ticket(waiting).TransferToQueue(_t.AgentId("bob@agents.test"), false, "risk", "not claimed");
        var answeredByAdmin = await _t.Ticket(answered).TransferToQueue("admin-key", true, "risk", "too late");
        var unknown = await _t.Ticket("tkt-doesnotexist00000000").TransferToQueue("admin-key", true, "risk", "nothing");

        Assert.Equal(TransferOutcome.NotHolder, byOther.Outcome);
        Assert.Equal(TransferOutcome.NotHolder, waitingByAgent.Outcome);
        Assert.Equal(TransferOutcome.NotTransferable, answeredByAdmin.Outcome);
        Assert.Equal(TransferOutcome.NotFound, unknown.Outcome);
        var after = (await _t.Ticket(ticketId).Get())!;
        Assert.Equal(before.Audit.Count, after.Audit.Count);
        Assert.Equal((TicketStatus.Claimed, "review"), (after.Status, after.Queue));

        var byAdmin = await _t.Ticket(waiting).TransferToQueue("admin-key", true, "risk", "operator re-route");
        Assert.Equal(TransferOutcome.Transferred, byAdmin.Outcome);
        var moved = (await _t.Ticket(waiting).Get())!;
        Assert.Equal((TicketStatus.AwaitingReview, TicketStatus.AwaitingReview, "admin-key"), (moved.Audit[^1].From!.Value, moved.Audit[^1].To, moved.Audit[^1].Actor));
        Assert.Equal([waiting], (await _t.WaitingAsync("risk")).Select(e => e.TicketId));
        Assert.DoesNotContain(waiting, (await _t.WaitingAsync("review")).Select(e => e.TicketId));
    }

    [Fact]
    public async Task A_transfer_to_an_agent_moves_the_claim_to_their_session_and_the_lease_starts_anew()
    {
        var ticketId = await _t.OpenAsync("route:review handover");
        var ana = await _t.AgentAsync("ana@agents.test", ["review"]);
        var bob = await _t.AgentAsync("bob@agents.test", ["review", "risk"]);
        await ana.Claim(ticketId);
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(90));
        await bob.Heartbeat();
        var (ticketWrites, bobWrites) = (fixture.Storage.Writes("ticket", _t.TicketGrainId(ticketId)), fixture.Storage.Writes("agentsession", _t.SessionGrainId("bob@agents.test")));

        var result = await bob.AcceptTransfer(ticketId, _t.AgentId("ana@agents.test"), false, "you know this customer");
        await ana.Forget(ticketId);

        Assert.Equal(TransferOutcome.Transferred, result.Outcome);
        Assert.Equal((_t.AgentId("bob@agents.test"), _t.AgentId("ana@agents.test")), (result.ClaimedBy, result.PreviousHolder));
        Assert.Equal(ticketWrites + 1, fixture.Storage.Writes("ticket", _t.TicketGrainId(ticketId)));
        Assert.Equal(bobWrites + 1, fixture.Storage.Writes("agentsession", _t.SessionGrainId("bob@agents.test")));
        Assert.Equal([ticketId], (await bob.Get()).Claims);
        Assert.Empty((await ana.Get()).Claims);
        var ticket = (await _t.Ticket(ticketId).Get())!;
        Assert.Equal((TicketStatus.Claimed, _t.AgentId("bob@agents.test")), (ticket.Status, ticket.ClaimedBy));
        var entry = ticket.Audit[^1];
        Assert.Equal((TicketStatus.Claimed, TicketStatus.Claimed, "you know this customer"), (entry.From!.Value, entry.To, entry.Note));
        Assert.Equal(new TransferDetails("review", "review", _t.AgentId("ana@agents.test"), _t.AgentId("bob@agents.test")), entry.Transfer);

        // Past ana's lease (2 minutes from her claim) but within bob's: bob holds it, nobody can take it over.
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(60));
        await bob.Heartbeat();
        var carl = await _t.AgentAsync("carl@agents.test", ["review"]);
        Assert.Equal(ClaimAttemptOutcome.NotClaimable, (await carl.Claim(ticketId)).Outcome);
        Assert.Equal(0, await bob.ExpireIfSilent());
        Assert.Equal(_t.AgentId("bob@agents.test"), (await _t.Ticket(ticketId).Get())!.ClaimedBy);
        // Bob can work it: reply as the holder.
        Assert.Equal(AgentReplyRefusal.None, (await _t.Ticket(ticketId).AgentReply(_t.AgentId("bob@agents.test"), "Sorted.", false)).Refusal);
    }

    [Fact]
    public async Task A_repeated_transfer_to_an_agent_adds_nothing_and_records_a_claim_lost_in_a_crash()
    {
        var ticketId = await _t.OpenAsync("route:review twice");
        var ana = await _t.AgentAsync("ana@agents.test", ["review"]);
        var bob = await _t.AgentAsync("bob@agents.test", ["review"]);
        await ana.Claim(ticketId);
        // The ticket moves but bob's session never records it (a crash between the two writes).
        await _t.Ticket(ticketId).TransferToAgent(_t.AgentId("ana@agents.test"), false, _t.AgentId("bob@agents.test"), ["review"], "over to you");
        var audit = (await _t.Ticket(ticketId).Get())!.Audit.Count;
        Assert.Empty((await bob.Get()).Claims);

        var retried = await bob.AcceptTransfer(ticketId, _t.AgentId("ana@agents.test"), false, "over to you");
        var again = await bob.AcceptTransfer(ticketId, _t.AgentId("ana@agents.test"), false, "over to you");

        Assert.Equal(TransferOutcome.Unchanged, retried.Outcome);
        Assert.Equal(TransferOutcome.Unchanged, again.Outcome);
        Assert.Equal([ticketId], (await bob.Get()).Claims);
        Assert.Equal(audit, (await _t.Ticket(ticketId).Get())!.Audit.Count);
    }

    [Fact]
    public async Task A_transfer_to_an_agent_needs_them_signed_in_with_room_and_the_ticket_s_queue()
    {
        var ticketId = await _t.OpenAsync("route:review picky");
        var other = await _t.OpenAsync("route:review other");
        var ana = await _t.AgentAsync("ana@agents.test", ["review"]);
        await ana.Claim(ticketId);
        var away = await _t.AgentAsync("away@agents.test", ["review"], signIn: false);
        var full = await _t.AgentAsync("full@agents.test", ["review"], capacity: 1);
        await full.Claim(other);
        var riskOnly = await _t.AgentAsync("risk@agents.test", ["risk"]);
        var unknown = _t.Session("nobody@agents.test");
        var actor = _t.AgentId("ana@agents.test");

        Assert.Equal(TransferOutcome.AgentNotSignedIn, (await away.AcceptTransfer(ticketId, actor, false, "n")).Outcome);
        Assert.Equal(TransferOutcome.AgentAtCapacity, (await full.AcceptTransfer(ticketId, actor, false, "n")).Outcome);
        Assert.Equal(TransferOutcome.QueueNotCovered, (await riskOnly.AcceptTransfer(ticketId, actor, false, "n")).Outcome);
        Assert.Equal(TransferOutcome.AgentNotFound, (await unknown.AcceptTransfer(ticketId, actor, false, "n")).Outcome);
        Assert.Equal(TransferOutcome.NotHolder, (await riskOnly.AcceptTransfer(other, actor, false, "n")).Outcome);

        var ticket = (await _t.Ticket(ticketId).Get())!;
        Assert.Equal(actor, ticket.ClaimedBy);
        Assert.DoesNotContain(ticket.Audit, a => a.ReasonCodes.Contains("transferred"));
        Assert.Empty((await riskOnly.Get()).Claims);
        Assert.Equal([other], (await full.Get()).Claims);
    }

    [Fact]
    public async Task An_admin_hands_a_waiting_ticket_to_an_agent_and_it_leaves_the_waiting_list()
    {
        var ticketId = await _t.OpenAsync("route:review assign");
        var bob = await _t.AgentAsync("bob@agents.test", ["review"]);

        var result = await bob.AcceptTransfer(ticketId, "admin-key", true, "VIP, bob knows them");

        Assert.Equal(TransferOutcome.Transferred, result.Outcome);
        Assert.Null(result.PreviousHolder);
        Assert.Empty(await _t.WaitingAsync("review"));
        var ticket = (await _t.Ticket(ticketId).Get())!;
        Assert.Equal((TicketStatus.AwaitingReview, TicketStatus.Claimed, "admin-key"), (ticket.Audit[^1].From!.Value, ticket.Audit[^1].To, ticket.Audit[^1].Actor));
        Assert.Equal([ticketId], (await bob.Get()).Claims);
    }

    [Fact]
    public async Task A_stale_entry_in_the_old_queue_never_hands_a_transferred_ticket_to_that_queue_s_agents()
    {
        var ticketId = await _t.OpenAsync("route:review moved");
        await _t.Ticket(ticketId).TransferToQueue("admin-key", true, "risk", "fraud team");
        // The old partition's removal lost in a crash: its entry is back.
        var review = _t.Partitions("review")[Retenza.Queues.QueueKeys.PartitionOf(ticketId)];
        await review.Put(new Retenza.Queues.QueueEntry(ticketId, 0, null, ClusterFixture.Clock.GetUtcNow(), "stale"));
        var reviewer = await _t.AgentAsync("rev@agents.test", ["review"]);

        Assert.Equal(ClaimAttemptOutcome.QueueEmpty, (await reviewer.ClaimNext()).Outcome);

        var ticket = (await _t.Ticket(ticketId).Get())!;
        Assert.Equal((TicketStatus.AwaitingReview, "risk", (string?)null), (ticket.Status, ticket.Queue, ticket.ClaimedBy));
        Assert.Empty(await _t.WaitingAsync("review"));
        var riskAgent = await _t.AgentAsync("rita@agents.test", ["risk"]);
        Assert.Equal(ticketId, (await riskAgent.ClaimNext()).TicketId);
    }
}
