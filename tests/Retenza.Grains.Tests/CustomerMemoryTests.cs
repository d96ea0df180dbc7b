using Retenza.Customers;
using Retenza.Messages;
using Retenza.Queues;
using Retenza.Tenancy;
using Retenza.Tickets;

namespace Retenza.Grains.Tests;

/// <summary>Issue 4 in the grains: threading, reopen, idempotent replies, writes per message, and bursts for one customer.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CustomerMemoryTests(ClusterFixture fixture)
{
    private readonly string _tenant = Messages.NewTenant();

    private ICustomerGrain Customer(string email) =>
        fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Compose(_tenant, CustomerIds.ForEmail(_tenant, email)));

    private ITicketGrain Ticket(string id) => fixture.Grains.GetGrain<ITicketGrain>(GrainKeys.Compose(_tenant, id));

    private static InboundMessage Reply(InboundMessage to, string? inReplyTo = null, string text = "Any news?", string? subject = null) =>
        Messages.Inbound(email: to.From.Email, text: text, orderId: null) with
        {
            Subject = subject ?? "Re: " + to.Subject,
            InReplyTo = inReplyTo,
        };

    [Fact]
    public async Task A_reply_by_in_reply_to_joins_the_ticket_and_writes_once_per_grain()
    {
        var first = Messages.Inbound(email: "thread@example.com", orderId: null);
        var opened = await Customer(first.From.Email).Ingest(first);
        var reply = Reply(first, inReplyTo: $"<{first.MessageId}>");
        var ticketKey = GrainId.Create("ticket", GrainKeys.Compose(_tenant, opened.Ticket!.TicketId));
        var customerKey = GrainId.Create("customer", GrainKeys.Compose(_tenant, CustomerIds.ForEmail(_tenant, first.From.Email)));
        var (ticketWrites, customerWrites) = (fixture.Storage.Writes("ticket", ticketKey), fixture.Storage.Writes("customer", customerKey));

        var result = await Customer(first.From.Email).Ingest(reply);

        Assert.Equal(IngestOutcome.Threaded, result.Outcome);
        Assert.Equal(opened.Ticket.TicketId, result.Ticket!.TicketId);
        Assert.Equal(ticketWrites + 1, fixture.Storage.Writes("ticket", ticketKey));
        Assert.Equal(customerWrites + 1, fixture.Storage.Writes("customer", customerKey));
        var ticket = (await Ticket(opened.Ticket.TicketId).Get())!;
        Assert.Equal([first.MessageId, reply.MessageId], ticket.Messages.Select(m => m.MessageId));
        var customer = (await Customer(first.From.Email).Get())!;
        Assert.Single(customer.Tickets);
        Assert.Equal(2, customer.Contacts.Count);
        Assert.True(customer.Contacts[1].Threaded);
    }

    [Fact]
    public async Task A_retried_reply_is_not_appended_twice_and_writes_nothing()
    {
        var first = Messages.Inbound(email: "retry@example.com", orderId: null);
        var opened = await Customer(first.From.Email).Ingest(first);
        var reply = Reply(first, inReplyTo: first.MessageId);
        await Customer(first.From.Email).Ingest(reply);
        var ticketKey = GrainId.Create("ticket", GrainKeys.Compose(_tenant, opened.Ticket!.TicketId));
        var writes = fixture.Storage.Writes("ticket", ticketKey);

        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Customer(first.From.Email).Ingest(reply)));

        Assert.All(again, r => Assert.Equal(IngestOutcome.Replayed, r.Outcome));
        Assert.All(again, r => Assert.Equal(opened.Ticket.TicketId, r.Ticket!.TicketId));
        Assert.Equal(writes, fixture.Storage.Writes("ticket", ticketKey));
        Assert.Equal(2, (await Ticket(opened.Ticket.TicketId).Get())!.Messages.Count);
        Assert.Equal(2, (await Customer(first.From.Email).Get())!.Contacts.Count);
    }

    [Fact]
    public async Task A_reply_to_our_outbound_message_id_threads_and_reopens_an_auto_replied_ticket()
    {
        var first = Messages.Inbound(email: "auto@example.com", text: "route:auto where is it", orderId: null);
        var opened = await Customer(first.From.Email).Ingest(first);
        Assert.Equal(TicketStatus.AutoReplied, opened.Ticket!.Status);

        // The placeholder pipeline drafts nothing, so the outbound id is the one TicketGrain would give the first reply.
        var result = await Customer(first.From.Email).Ingest(Reply(first, inReplyTo: $"<{opened.Ticket.TicketId}.1@retenza>", text: "That did not help."));

        Assert.Equal(IngestOutcome.Threaded, result.Outcome);
        var ticket = (await Ticket(opened.Ticket.TicketId).Get())!;
        Assert.Equal(
            [TicketStatus.Received, TicketStatus.Triaged, TicketStatus.AutoReplied, TicketStatus.Reopened, TicketStatus.Triaged, TicketStatus.Escalated],
            ticket.Audit.Select(a => a.To));
        Assert.Equal(TicketStatus.Escalated, ticket.Status);
        Assert.Single((await Customer(first.From.Email).Get())!.Contacts, c => c.Reopened);
    }

    [Fact]
    public async Task A_reopened_or_re_routed_ticket_is_listed_in_its_new_queue()
    {
        var first = Messages.Inbound(email: "requeue@example.com", text: "route:review a question", orderId: null);
        var opened = await Customer(first.From.Email).Ingest(first);
        Assert.Equal(TicketStatus.AwaitingReview, opened.Ticket!.Status);
        var id = opened.Ticket.TicketId;

        // The placeholder pipeline escalates the reply: the ticket leaves review for escalations.
        await Customer(first.From.Email).Ingest(Reply(first, inReplyTo: $"<{first.MessageId}>", text: "Hello? Anyone?"));

        var partition = fixture.Grains.GetGrain<IQueuePartitionGrain>(QueueKeys.Partition(_tenant, "escalations", QueueKeys.PartitionOf(id)));
        Assert.Contains(await partition.List(100), e => e.TicketId == id);
        Assert.Equal("escalations", (await Ticket(id).Get())!.Queue);
    }

    [Fact]
    public async Task A_reply_to_a_resolved_ticket_by_subject_reference_reopens_it_and_keeps_the_earlier_assessment()
    {
        var first = Messages.Inbound(email: "resolved@example.com", orderId: null);
        var opened = await Customer(first.From.Email).Ingest(first);
        var id = opened.Ticket!.TicketId;
        var original = (await Ticket(id).Get())!.Assessment!;
        await Ticket(id).Claim("agent-1");
        await Ticket(id).Resolve("agent-1", null);
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await Customer(first.From.Email).Ingest(Reply(first, subject: $"Still broken [{id}]"));

        Assert.Equal(IngestOutcome.Threaded, result.Outcome);
        var ticket = (await Ticket(id).Get())!;
        Assert.Equal(TicketStatus.Escalated, ticket.Status);
        Assert.Contains(ticket.Audit, a => a.From == TicketStatus.Resolved && a.To == TicketStatus.Reopened);
        Assert.Equal(2, ticket.Messages.Count);
        Assert.Equal(original.AssessedAt, Assert.Single(ticket.EarlierAssessments).AssessedAt);
        Assert.NotEqual(original.AssessedAt, ticket.Assessment!.AssessedAt);
        Assert.Equal(id, ticket.Assessment.Details!.Customer.Thread!.TicketId);
        Assert.Equal("resolved", ticket.Assessment.Details.Customer.Thread.PreviousStatus);
    }

    [Fact]
    public async Task The_same_order_threads_only_while_the_ticket_is_open()
    {
        var first = Messages.Inbound(email: "order@example.com", orderId: "RT-30001");
        var opened = await Customer(first.From.Email).Ingest(first);
        var second = Messages.Inbound(email: first.From.Email, text: "About RT-30001 again", orderId: null);

        var joined = await Customer(first.From.Email).Ingest(second);

        Assert.Equal(IngestOutcome.Threaded, joined.Outcome);
        Assert.Equal(opened.Ticket!.TicketId, joined.Ticket!.TicketId);

        await Ticket(opened.Ticket.TicketId).Claim("agent-1");
        await Ticket(opened.Ticket.TicketId).Resolve("agent-1", null);
        var third = Messages.Inbound(email: first.From.Email, orderId: "RT-30001");
        var fresh = await Customer(first.From.Email).Ingest(third);

        Assert.Equal(IngestOutcome.Created, fresh.Outcome);
        Assert.NotEqual(opened.Ticket.TicketId, fresh.Ticket!.TicketId);
        var customer = (await Customer(first.From.Email).Get())!;
        Assert.Equal(2, customer.Tickets.Count);
        Assert.Equal(1, customer.OpenTickets);
    }

    [Fact]
    public async Task A_forged_reference_to_another_customers_ticket_opens_a_new_ticket()
    {
        var victim = Messages.Inbound(email: "victim@example.com", orderId: null);
        var theirs = await Customer(victim.From.Email).Ingest(victim);
        var forged = Messages.Inbound(email: "intruder@example.com", orderId: null) with
        {
            InReplyTo = $"{theirs.Ticket!.TicketId}.1@retenza",
            Subject = $"[{theirs.Ticket.TicketId}]",
        };

        var result = await Customer(forged.From.Email).Ingest(forged);

        Assert.Equal(IngestOutcome.Created, result.Outcome);
        Assert.Single((await Ticket(theirs.Ticket.TicketId).Get())!.Messages);
    }

    [Fact]
    public async Task Two_messages_at_the_same_instant_both_land_in_order_and_the_second_sees_the_first()
    {
        var email = "twins@example.com";
        var a = Messages.Inbound(email: email, orderId: "RT-40001");
        var b = Messages.Inbound(email: email, orderId: "RT-40002");

        await Task.WhenAll(Customer(email).Ingest(a), Customer(email).Ingest(b));

        var customer = (await Customer(email).Get())!;
        Assert.Equal(2, customer.Contacts.Count);
        var second = customer.Contacts[1];
        var ticket = (await Ticket(second.TicketId).Get())!;
        // The second message's triage was given the first as an earlier contact.
        Assert.Equal(customer.Contacts[0].TicketId, Assert.Single(ticket.Assessment!.Details!.Customer.EarlierContacts).TicketId);
    }

    [Fact]
    public async Task A_burst_of_1000_messages_for_one_customer_loses_none()
    {
        var email = "burst@example.com";
        var messages = Enumerable.Range(0, 1000).Select(i => Messages.Inbound(email: email, orderId: $"RT-5{i:0000}")).ToArray();

        var results = await Task.WhenAll(messages.Select(m => Customer(email).Ingest(m)));

        Assert.All(results, r => Assert.Equal(IngestOutcome.Created, r.Outcome));
        Assert.Equal(1000, results.Select(r => r.Ticket!.TicketId).Distinct().Count());
        var customer = (await Customer(email).Get())!;
        Assert.Equal(1000, customer.Contacts.Count + customer.Older.Contacts);
        Assert.Equal(Retenza.Grains.Customers.ContactHistory.MaxContacts, customer.Contacts.Count);
        Assert.Equal(customer.Contacts.Count, customer.Contacts.Select(c => c.MessageId).Distinct().Count());
        Assert.Equal(1000, customer.Tickets.Count + customer.EarlierTickets);
    }

    [Fact]
    public async Task Erasure_writes_once_per_ticket_and_once_for_the_customer_and_again_writes_nothing()
    {
        var email = "erase@example.com";
        var a = await Customer(email).Ingest(Messages.Inbound(email: email, orderId: "RT-60001"));
        var b = await Customer(email).Ingest(Messages.Inbound(email: email, orderId: "RT-60002"));
        GrainId TicketKey(IngestResult r) => GrainId.Create("ticket", GrainKeys.Compose(_tenant, r.Ticket!.TicketId));
        var customerKey = GrainId.Create("customer", GrainKeys.Compose(_tenant, CustomerIds.ForEmail(_tenant, email)));
        int[] Writes() => [fixture.Storage.Writes("ticket", TicketKey(a)), fixture.Storage.Writes("ticket", TicketKey(b)), fixture.Storage.Writes("customer", customerKey)];
        var before = Writes();

        Assert.True(await Customer(email).Erase());
        var after = Writes();
        Assert.True(await Customer(email).Erase());

        Assert.Equal(before.Select(w => w + 1), after);
        Assert.Equal(after, Writes());
        Assert.False(await Customer("never@example.com").Erase());
        Assert.Null(await Customer("never@example.com").Get());
    }
}
