using Retenza.Triage.Customers;
using Retenza.Grains.Tickets;
using Retenza.Messages;
using Retenza.Tenancy;
using Retenza.Tickets;
using Retenza.Triage;

namespace Retenza.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TicketLifecycleTests(ClusterFixture fixture)
{
    private readonly string _tenant = Messages.NewTenant();

    private ITicketGrain Ticket(string id) => fixture.Grains.GetGrain<ITicketGrain>(GrainKeys.Compose(_tenant, id));

    private async Task<(ITicketGrain Grain, string Id)> OpenAsync(string text = "My vase arrived broken.")
    {
        var message = Messages.Inbound(text: text);
        var id = TicketIds.ForMessage(_tenant, message.MessageId);
        var grain = Ticket(id);
        var result = await grain.Open(message, "cus-test", CustomerContext.FirstContact);
        Assert.Equal(IngestOutcome.Created, result.Outcome);
        return (grain, id);
    }

    [Fact]
    public async Task An_auto_routed_ticket_carries_its_reply_awaiting_delivery()
    {
        var (grain, id) = await OpenAsync("route:auto where is my order?");

        var ticket = (await grain.Get())!;

        Assert.Equal(TicketStatus.AutoReplied, ticket.Status);
        Assert.Equal(2, ticket.Messages.Count);
        var reply = ticket.Messages[1];
        Assert.Equal(MessageDirection.Outbound, reply.Direction);
        Assert.Equal(ScriptedTriagePipeline.AutoReply, reply.Text);
        Assert.Equal(DeliveryState.Pending, reply.Delivery);
        Assert.Equal(ticket.Messages[0].MessageId, reply.InReplyTo);
        Assert.Equal($"{id}.1@retenza", reply.MessageId);
        Assert.Equal([ticket.Messages[0].From.Email], reply.To);
    }

    [Fact]
    public async Task An_escalated_ticket_sends_nothing()
    {
        var (grain, _) = await OpenAsync();

        var ticket = (await grain.Get())!;

        Assert.Single(ticket.Messages);
    }

    [Fact]
    public async Task Triage_gets_the_tenants_policy_and_the_customers_context()
    {
        var message = Messages.Inbound(text: "route:review hello");
        var context = new CustomerContext(true, 9000m, [new PriorContact("tkt-earlier", ClusterFixture.Clock.GetUtcNow(), "track_order", "RT-1", -0.2, "low", "auto", null)]);

        await Ticket(TicketIds.ForMessage(_tenant, message.MessageId)).Open(message, "cus-test", context);

        var request = ScriptedTriagePipeline.Requests[message.MessageId];
        Assert.Equal(_tenant, request.Tenant);
        Assert.True(request.Customer.Vip);
        Assert.Equal("tkt-earlier", Assert.Single(request.Customer.EarlierContacts).TicketId);
        Assert.Equal(Retenza.Triage.Policy.TriagePolicy.Default.Version, request.Policy.Version);
        Assert.IsType<Retenza.Grains.Orders.GrainOrderSource>(request.Orders);
    }

    [Fact]
    public async Task Opening_records_received_triaged_and_routed_in_the_audit_trail()
    {
        var (grain, id) = await OpenAsync();

        var ticket = await grain.Get();

        Assert.NotNull(ticket);
        Assert.Equal(id, ticket.Id);
        Assert.Equal(TicketStatus.Escalated, ticket.Status);
        Assert.Equal(Route.Escalate, ticket.Route);
        Assert.Equal("escalations", ticket.Queue);
        Assert.Equal(
            [(null, TicketStatus.Received), (TicketStatus.Received, TicketStatus.Triaged), (TicketStatus.Triaged, TicketStatus.Escalated)],
            ticket.Audit.Select(a => (a.From, a.To)).ToArray());
        Assert.All(ticket.Audit, a => Assert.Equal("system", a.Actor));
        Assert.Equal([UnavailableTriagePipeline.ReasonCode], ticket.Audit[^1].ReasonCodes);
        Assert.Equal(UnavailableTriagePipeline.PolicyVersion, ticket.Audit[^1].PolicyVersion);
        var reason = Assert.Single(ticket.Reasons);
        Assert.Equal(UnavailableTriagePipeline.ReasonCode, reason.Code);
        Assert.Equal(UnavailableTriagePipeline.ModelVersion, ticket.Assessment!.ModelVersion);
        Assert.Equal(ClusterFixture.Clock.GetUtcNow(), ticket.CreatedAt);
        Assert.Single(ticket.Messages);
    }

    [Theory]
    [InlineData("route:auto", TicketStatus.AutoReplied, Route.Auto)]
    [InlineData("route:review", TicketStatus.AwaitingReview, Route.Review)]
    public async Task Each_route_leaves_the_ticket_in_its_own_status(string text, TicketStatus status, Route route)
    {
        var (grain, _) = await OpenAsync(text);

        var ticket = await grain.Get();

        Assert.Equal(status, ticket!.Status);
        Assert.Equal(route, ticket.Route);
        Assert.Equal(status, ticket.Audit[^1].To);
    }

    [Fact]
    public async Task Opening_the_same_message_again_changes_nothing()
    {
        var message = Messages.Inbound();
        var grain = Ticket(TicketIds.ForMessage(_tenant, message.MessageId));
        await grain.Open(message, "cus-test", CustomerContext.FirstContact);

        var replay = await grain.Open(message with { MessageId = $"<{message.MessageId}>" }, "cus-test", CustomerContext.FirstContact);

        Assert.Equal(IngestOutcome.Replayed, replay.Outcome);
        var ticket = await grain.Get();
        Assert.Single(ticket!.Messages);
        Assert.Equal(3, ticket.Audit.Count);
    }

    [Fact]
    public async Task A_message_id_claimed_by_another_customer_is_a_conflict_and_changes_nothing()
    {
        var message = Messages.Inbound();
        var grain = Ticket(TicketIds.ForMessage(_tenant, message.MessageId));
        await grain.Open(message, "cus-first", CustomerContext.FirstContact);

        var other = await grain.Open(message, "cus-second", CustomerContext.FirstContact);

        Assert.Equal(IngestOutcome.Conflict, other.Outcome);
        Assert.Null(other.Ticket);
        Assert.Equal("cus-first", (await grain.Get())!.CustomerId);
    }

    [Fact]
    public async Task Claim_reply_resolve_walks_the_lifecycle_with_the_agent_as_actor()
    {
        var (grain, _) = await OpenAsync();

        await grain.Claim("agent-1");
        var replied = await grain.Reply("agent-1", "Sorry about the vase: a replacement is on its way.");
        var resolved = await grain.Resolve("agent-1", "replacement sent");

        Assert.Equal(TicketStatus.Claimed, replied.Audit[^2].To);
        Assert.Equal(TicketStatus.Replied, replied.Status);
        var outbound = replied.Messages[^1];
        Assert.Equal(Retenza.Messages.MessageDirection.Outbound, outbound.Direction);
        Assert.Equal("support@shop.example", outbound.From.Email);
        Assert.Equal(["ana@example.com"], outbound.To);
        Assert.Equal(replied.Messages[0].MessageId, outbound.InReplyTo);
        Assert.Equal(TicketStatus.Resolved, resolved.Status);
        Assert.Null(resolved.ClaimedBy);
        Assert.Equal(
            [TicketStatus.Received, TicketStatus.Triaged, TicketStatus.Escalated, TicketStatus.Claimed, TicketStatus.Replied, TicketStatus.Resolved],
            resolved.Audit.Select(a => a.To).ToArray());
        Assert.Equal(["system", "system", "system", "agent-1", "agent-1", "agent-1"], resolved.Audit.Select(a => a.Actor).ToArray());
        Assert.Equal("replacement sent", resolved.Audit[^1].Note);
    }

    [Fact]
    public async Task A_claimed_ticket_cannot_be_claimed_again()
    {
        var (grain, _) = await OpenAsync();
        await grain.Claim("agent-1");

        var error = await Assert.ThrowsAsync<TicketTransitionException>(() => grain.Claim("agent-2"));

        Assert.Equal(TicketStatus.Claimed, error.From);
        Assert.Equal(TicketStatus.Claimed, error.To);
        var ticket = await grain.Get();
        Assert.Equal("agent-1", ticket!.ClaimedBy);
        Assert.Equal(4, ticket.Audit.Count);
    }

    [Fact]
    public async Task Only_the_claiming_agent_may_reply()
    {
        var (grain, _) = await OpenAsync();
        await grain.Claim("agent-1");

        await Assert.ThrowsAsync<ClaimMismatchException>(() => grain.Reply("agent-2", "hello"));

        var ticket = await grain.Get();
        Assert.Equal(TicketStatus.Claimed, ticket!.Status);
        Assert.Single(ticket.Messages);
    }

    [Fact]
    public async Task An_unclaimed_ticket_cannot_be_resolved_or_answered()
    {
        var (grain, _) = await OpenAsync();

        await Assert.ThrowsAsync<TicketTransitionException>(() => grain.Resolve("agent-1", null));
        await Assert.ThrowsAsync<TicketTransitionException>(() => grain.Reply("agent-1", "hi"));

        Assert.Equal(TicketStatus.Escalated, (await grain.Get())!.Status);
    }

    [Fact]
    public async Task A_ticket_that_was_never_opened_does_not_exist_and_cannot_move()
    {
        var grain = Ticket("tkt-never-opened");

        Assert.Null(await grain.Get());
        var error = await Assert.ThrowsAsync<TicketTransitionException>(() => grain.Claim("agent-1"));
        Assert.Null(error.From);
        Assert.Null(await grain.Get());
    }
}
