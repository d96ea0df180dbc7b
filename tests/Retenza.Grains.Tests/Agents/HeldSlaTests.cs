using Retenza.Triage.Customers;
using Retenza.Tickets;

namespace Retenza.Grains.Tests.Agents;

/// <summary>SPEC §7 first-response SLA while a ticket is held: held and unanswered still breaches; answered never does.</summary>
[Collection(ClusterCollection.Name)]
public sealed class HeldSlaTests(ClusterFixture fixture)
{
    private readonly AgentTestTenant _t = new(fixture);

    [Fact]
    public async Task A_claimed_ticket_without_a_reply_breaches_its_sla_and_stays_with_its_holder()
    {
        var ticketId = await _t.OpenAsync("route:review prio:1 held");
        var ana = await _t.AgentAsync("ana@agents.test", ["review"]);
        await ana.ClaimNext();

        await KeepAliveAsync(ana, TimeSpan.FromMinutes(479));
        await _t.SweepAsync("review");
        Assert.Equal(1, (await _t.Ticket(ticketId).Get())!.Priority);
        await KeepAliveAsync(ana, TimeSpan.FromMinutes(2));
        await _t.SweepAsync("review");
        await _t.SweepAsync("review");

        var ticket = (await _t.Ticket(ticketId).Get())!;
        Assert.Equal((TicketStatus.Claimed, _t.AgentId("ana@agents.test"), 2), (ticket.Status, ticket.ClaimedBy, ticket.Priority));
        var breach = Assert.Single(ticket.Audit, a => a.ReasonCodes.Contains("sla_breached"));
        Assert.Equal((TicketStatus.Claimed, TicketStatus.Claimed, "system"), (breach.From!.Value, breach.To, breach.Actor));

        // Released, it waits with its raised priority, and is not flagged a second time.
        await ana.Release(ticketId, null);
        await _t.SweepAsync("review");
        Assert.Equal(2, Assert.Single(await _t.WaitingAsync("review")).Priority);
        Assert.Single((await _t.Ticket(ticketId).Get())!.Audit, a => a.ReasonCodes.Contains("sla_breached"));
    }

    [Fact]
    public async Task A_ticket_answered_before_its_due_time_never_breaches_even_when_reopened_into_the_queue()
    {
        var first = Messages.Inbound(text: "route:review prio:1 answered");
        var ticketId = TicketIds.ForMessage(_t.Name, first.MessageId);
        await _t.Ticket(ticketId).Open(first, "cus-test", CustomerContext.FirstContact);
        var ana = await _t.AgentAsync("ana@agents.test", ["review"]);
        await ana.ClaimNext();
        await _t.Ticket(ticketId).AgentReply(_t.AgentId("ana@agents.test"), "We are on it.", resolve: false);
        await ana.Forget(ticketId);
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(60));
        await _t.Ticket(ticketId).Append(Messages.Inbound(text: "route:review prio:1 still broken") with { InReplyTo = first.MessageId }, CustomerContext.FirstContact);
        Assert.Equal(TicketStatus.AwaitingReview, (await _t.Ticket(ticketId).Get())!.Status);

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(480));
        await _t.SweepAsync("review");

        var ticket = (await _t.Ticket(ticketId).Get())!;
        Assert.DoesNotContain(ticket.Audit, a => a.ReasonCodes.Contains("sla_breached"));
        Assert.Equal(1, ticket.Priority);
        Assert.Equal(ticketId, Assert.Single(await _t.WaitingAsync("review")).TicketId);
    }

    /// <summary>Moves the clock in heartbeat-sized steps, so the holder's lease never lapses.</summary>
    private static async Task KeepAliveAsync(Retenza.Agents.IAgentSessionGrain session, TimeSpan span)
    {
        for (var passed = TimeSpan.Zero; passed < span; passed += TimeSpan.FromMinutes(1))
        {
            ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(1));
            await session.Heartbeat();
        }
    }
}
