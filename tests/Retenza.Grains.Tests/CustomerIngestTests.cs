using Retenza.Triage.Customers;
using Retenza.Customers;
using Retenza.Tenancy;
using Retenza.Tickets;

namespace Retenza.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CustomerIngestTests(ClusterFixture fixture)
{
    private readonly string _tenant = Messages.NewTenant();

    private ICustomerGrain Customer(string email) =>
        fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Compose(_tenant, CustomerIds.ForEmail(_tenant, email)));

    [Fact]
    public async Task First_contact_creates_the_customer_with_its_ticket()
    {
        var message = Messages.Inbound(email: "Ana@Example.com");

        var result = await Customer("ana@example.com").Ingest(message);

        Assert.Equal(IngestOutcome.Created, result.Outcome);
        Assert.Equal(TicketIds.ForMessage(_tenant, message.MessageId), result.Ticket!.TicketId);
        var customer = await Customer("ANA@example.com").Get();
        Assert.NotNull(customer);
        Assert.Equal("ana@example.com", customer.Email);
        Assert.Equal("Ana", customer.Name);
        var ticket = Assert.Single(customer.Tickets);
        Assert.Equal(result.Ticket.TicketId, ticket.TicketId);
        Assert.Equal("RT-10006", ticket.OrderId);
    }

    [Fact]
    public async Task A_replayed_message_is_not_recorded_twice()
    {
        var message = Messages.Inbound();
        var customer = Customer(message.From.Email);
        var first = await customer.Ingest(message);

        var second = await customer.Ingest(message);

        Assert.Equal(IngestOutcome.Replayed, second.Outcome);
        Assert.Equal(first.Ticket!.TicketId, second.Ticket!.TicketId);
        Assert.Single((await customer.Get())!.Tickets);
    }

    [Fact]
    public async Task A_message_whose_first_try_failed_midway_opens_its_ticket_on_the_retry()
    {
        // The first try stops after the ticket recorded "received" in memory (triage fails, as an order lookup on a
        // crashed silo does); the retry must start from storage, not from that unsaved change.
        var message = Messages.Inbound(text: "fail:once reason:legal_threat I will see you in court.");
        var customer = Customer(message.From.Email);
        await Assert.ThrowsAnyAsync<Exception>(() => customer.Ingest(message));

        var retry = await customer.Ingest(message);

        Assert.Equal(IngestOutcome.Created, retry.Outcome);
        var ticket = (await fixture.Grains.GetGrain<ITicketGrain>(GrainKeys.Compose(_tenant, retry.Ticket!.TicketId)).Get())!;
        Assert.Equal(TicketStatus.Escalated, ticket.Status);
        Assert.Single(ticket.Messages);
        Assert.Equal([null, TicketStatus.Received, TicketStatus.Triaged], ticket.Audit.Take(3).Select(e => e.From));
        Assert.Single((await customer.Get())!.Tickets);
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_message_open_exactly_one_ticket()
    {
        var message = Messages.Inbound();
        var customer = Customer(message.From.Email);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => customer.Ingest(message)));

        Assert.Equal(1, results.Count(r => r.Outcome == IngestOutcome.Created));
        Assert.Equal(19, results.Count(r => r.Outcome == IngestOutcome.Replayed));
        Assert.Single(results.Select(r => r.Ticket!.TicketId).Distinct());
        Assert.Single((await customer.Get())!.Tickets);
    }

    [Fact]
    public async Task A_retry_after_a_crash_between_the_two_writes_completes_the_customer_record()
    {
        // The ticket was written but the customer write never happened (the silo died in between).
        var message = Messages.Inbound();
        var customerId = CustomerIds.ForEmail(_tenant, message.From.Email);
        var ticketId = TicketIds.ForMessage(_tenant, message.MessageId);
        await fixture.Grains.GetGrain<ITicketGrain>(GrainKeys.Compose(_tenant, ticketId)).Open(message, customerId, CustomerContext.FirstContact);

        var retry = await Customer(message.From.Email).Ingest(message);

        Assert.Equal(IngestOutcome.Replayed, retry.Outcome);
        Assert.Equal(ticketId, Assert.Single((await Customer(message.From.Email).Get())!.Tickets).TicketId);
    }

    [Fact]
    public async Task A_message_id_already_used_by_another_customer_is_refused_and_not_recorded()
    {
        var message = Messages.Inbound(email: "first@example.com");
        await Customer("first@example.com").Ingest(message);

        var result = await Customer("second@example.com").Ingest(message with { From = new("second@example.com", null) });

        Assert.Equal(IngestOutcome.Conflict, result.Outcome);
        Assert.Null(await Customer("second@example.com").Get());
    }

    [Fact]
    public async Task Each_message_of_a_customer_opens_its_own_ticket_in_arrival_order()
    {
        var customer = Customer("busy@example.com");
        // Different orders: messages about the same open order would thread into one ticket (issue 4).
        var messages = Enumerable.Range(0, 5).Select(i => Messages.Inbound(email: "busy@example.com", orderId: $"RT-2000{i}")).ToArray();

        foreach (var message in messages)
        {
            await customer.Ingest(message);
        }

        Assert.Equal(messages.Select(m => m.MessageId), (await customer.Get())!.Tickets.Select(t => t.MessageId));
    }

    [Fact]
    public async Task Unknown_customer_does_not_exist()
    {
        Assert.Null(await Customer("nobody@example.com").Get());
    }
}
