using Orleans.Core.Internal;
using Retenza.Customers;
using Retenza.Queues;
using Retenza.Tenancy;
using Retenza.Tickets;

namespace Retenza.Grains.Tests;

/// <summary>
/// A message its customer never routed opens its ticket without reading it first (OpenNew); when the ticket exists
/// after all, the answer is what a read would have given and nothing of the attempt leaks out.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OpenNewTicketTests(ClusterFixture fixture)
{
    private const string TicketState = "ticket";

    private readonly string _tenant = Messages.NewTenant();

    private ICustomerGrain Customer(string email) =>
        fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Compose(_tenant, CustomerIds.ForEmail(_tenant, email)));

    private ITicketGrain Ticket(string ticketId) => fixture.Grains.GetGrain<ITicketGrain>(GrainKeys.Compose(_tenant, ticketId));

    private IQueuePartitionGrain Partition(string queue, string ticketId) =>
        fixture.Grains.GetGrain<IQueuePartitionGrain>(QueueKeys.Partition(_tenant, queue, QueueKeys.PartitionOf(ticketId)));

    [Fact]
    public async Task A_new_message_opens_its_ticket_without_reading_it_from_storage()
    {
        var message = Messages.Inbound();

        var result = await Customer(message.From.Email).Ingest(message);

        Assert.Equal(IngestOutcome.Created, result.Outcome);
        var ticket = Ticket(result.Ticket!.TicketId);
        Assert.Equal(0, fixture.Storage.Reads(TicketState, ticket.GetGrainId()));
        Assert.Equal(1, fixture.Storage.Writes(TicketState, ticket.GetGrainId()));
    }

    [Fact]
    public async Task Another_customers_message_id_is_refused_and_leaves_every_queue_alone_when_its_ticket_was_not_in_memory()
    {
        var first = Messages.Inbound(email: "first@example.com", text: "reason:legal_threat I will see you in court.");
        var ticketId = (await Customer("first@example.com").Ingest(first)).Ticket!.TicketId;
        await Ticket(ticketId).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var waiting = await Partition("priority", ticketId).List(100);

        // Routed elsewhere by triage: an entry put before the refused write would land in the review queue.
        var second = await Customer("second@example.com").Ingest(first with
        {
            From = new("second@example.com", null),
            Text = "route:review Where is my parcel?",
        });

        Assert.Equal(IngestOutcome.Conflict, second.Outcome);
        Assert.Empty(await Partition("review", ticketId).List(100));
        Assert.Equal(waiting, await Partition("priority", ticketId).List(100));
        var ticket = (await Ticket(ticketId).Get())!;
        Assert.Equal(TicketStatus.Escalated, ticket.Status);
        Assert.Equal(CustomerIds.ForEmail(_tenant, "first@example.com"), ticket.CustomerId);
        Assert.Equal(1, fixture.Storage.Writes(TicketState, Ticket(ticketId).GetGrainId()));
        Assert.Null(await Customer("second@example.com").Get());
    }

    [Fact]
    public async Task A_ticket_written_before_its_queue_entry_failed_is_queued_by_the_retry()
    {
        var message = Messages.Inbound(text: "route:review Where is my parcel?");
        var ticketId = TicketIds.ForMessage(_tenant, message.MessageId);
        var partition = Partition("review", ticketId);
        await partition.List(1); // activated first: its first activation writes its header too (QueuePartitionGrain.Former.cs)
        fixture.Storage.FailNextWrite((state, grain) => state == "queue" && grain == partition.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => Customer(message.From.Email).Ingest(message));
        Assert.Equal(TicketStatus.AwaitingReview, (await Ticket(ticketId).Get())!.Status);

        var retry = await Customer(message.From.Email).Ingest(message);

        Assert.Equal(IngestOutcome.Replayed, retry.Outcome);
        Assert.Contains(await partition.List(100), entry => entry.TicketId == ticketId);
        Assert.Equal(ticketId, Assert.Single((await Customer(message.From.Email).Get())!.Tickets).TicketId);
        Assert.Equal(1, fixture.Storage.Writes(TicketState, Ticket(ticketId).GetGrainId()));
    }
}
