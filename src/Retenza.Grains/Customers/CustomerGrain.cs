using Retenza.Customers;
using Retenza.Messages;
using Retenza.Tenancy;
using Retenza.Tickets;
using Retenza.Triage.Customers;

namespace Retenza.Grains.Customers;

public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Default)] IPersistentState<CustomerState> state,
    TimeProvider time) : Grain, ICustomerGrain
{
    public async Task<IngestResult> Ingest(InboundMessage message)
    {
        var (tenant, customerId) = GrainKeys.Split(this.GetPrimaryKeyString());
        var ticketId = TicketIds.ForMessage(tenant, message.MessageId);
        var ticket = GrainFactory.GetGrain<ITicketGrain>(GrainKeys.Compose(tenant, ticketId));

        // The ticket is written first: if we crash before our own write, the retry finds the ticket
        // (its id is derived from the message id) and only this record is completed.
        var result = await ticket.Open(message, customerId, BuildContext());
        if (result.Outcome == IngestOutcome.Conflict || state.State.Tickets.Any(t => t.TicketId == ticketId))
        {
            return result;
        }

        if (!state.RecordExists)
        {
            state.State.FirstContactAt = time.GetUtcNow();
        }

        state.State.Email = CustomerIds.NormalizeEmail(message.From.Email);
        state.State.Name = string.IsNullOrWhiteSpace(message.From.Name) ? state.State.Name : message.From.Name;
        state.State.Tickets.Add(new CustomerTicket(ticketId, MessageIds.Normalize(message.MessageId), message.Subject, message.OrderId, message.ReceivedAt));
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);

        return result;
    }

    public Task<CustomerContext> Context() => Task.FromResult(BuildContext());

    /// <summary>What triage may know about this customer: earlier contacts, newest first.</summary>
    private CustomerContext BuildContext() => new(
        Vip: false,
        LifetimeValue: 0m,
        EarlierContacts: state.State.Tickets
            .OrderByDescending(t => t.OpenedAt)
            .Select(t => new PriorContact(t.TicketId, t.OpenedAt, null, t.OrderId, null, null, null, null))
            .ToArray());

    public Task<CustomerSnapshot?> Get() => Task.FromResult(state.RecordExists
        ? new CustomerSnapshot(GrainKeys.Split(this.GetPrimaryKeyString()).Id, state.State.Email, state.State.Name,
            state.State.FirstContactAt, state.State.Tickets.ToArray())
        : null);
}
