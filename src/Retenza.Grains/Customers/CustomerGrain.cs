using System.Text.RegularExpressions;
using Retenza.Customers;
using Retenza.Grains.Policy;
using Retenza.Messages;
using Retenza.Tenancy;
using Retenza.Tickets;
using Retenza.Triage.Customers;
using Retenza.Triage.Policy;

namespace Retenza.Grains.Customers;

/// <summary>
/// One customer's memory (issue 4). Every inbound message passes through here in order, so this
/// grain routes it (a new ticket, or the thread it answers), gives triage the history, and records
/// the contact. Per new message: one ticket write, then one customer write; a replay writes nothing.
/// </summary>
public sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Default)] IPersistentState<CustomerState> state,
    TenantPolicyCache policies,
    TimeProvider time) : Grain, ICustomerGrain, IIncomingGrainCallFilter
{
    /// <summary>Ticket statuses read since activation: fresher than those stored with the contacts (agents resolve without telling us).</summary>
    private readonly Dictionary<string, TicketStatus> _fresh = new(StringComparer.Ordinal);

    private CustomerState Customer => state.State;

    public async Task<IngestResult> Ingest(InboundMessage message)
    {
        var (tenant, customerId) = GrainKeys.Split(this.GetPrimaryKeyString());
        var messageId = MessageIds.Normalize(message.MessageId);
        var policy = await policies.GetAsync(tenant);
        ContactHistory.StartAfterErasure(Customer);

        // A message we already routed goes back to the same ticket, which answers "replayed".
        var routed = ContactHistory.TicketOf(Customer, messageId);
        var match = routed is null ? await FindThread(tenant, message, policy) : null;
        var targetId = routed ?? match?.TicketId ?? TicketIds.ForMessage(tenant, message.MessageId);
        var ticket = GrainFactory.GetGrain<ITicketGrain>(GrainKeys.Compose(tenant, targetId));
        var context = ContactHistory.Context(Customer, policy, ContactHistory.Statuses(Customer, _fresh), state.RecordExists);

        // The ticket is written first: if we crash before our own write, the retry finds the ticket
        // (by the message id it derives from, or by the same thread match) and only this record is completed.
        var threaded = routed is not null ? routed != TicketIds.ForMessage(tenant, message.MessageId) : match is not null;
        // A message this customer never routed most likely opens a new ticket: OpenNew skips the read that would find nothing.
        var result = threaded ? await ticket.Append(message, context)
            : routed is null ? await ticket.OpenNew(message, customerId, context)
            : await ticket.Open(message, customerId, context);
        if (result.Outcome == IngestOutcome.Conflict || routed is not null || result.Contact is not { } contact)
        {
            return result;
        }

        var now = time.GetUtcNow();
        if (!state.RecordExists || Customer.Contacts.Count + Customer.Older.Contacts == 0)
        {
            Customer.FirstContactAt = now;
        }

        Customer.Email = CustomerIds.NormalizeEmail(message.From.Email);
        Customer.Name = string.IsNullOrWhiteSpace(message.From.Name) ? Customer.Name : message.From.Name;
        if (!threaded && !Customer.Tickets.Any(t => t.TicketId == targetId))
        {
            ContactHistory.AddTicket(Customer, new CustomerTicket(targetId, messageId, message.Subject, message.OrderId, message.ReceivedAt), Bounds.MaxTickets);
        }

        ContactHistory.Record(Customer, contact with { At = now }, Bounds.MaxContacts);
        _fresh[targetId] = contact.Status;
        await StoreFullIndexPages(tenant);
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        return result;
    }

    /// <summary>A retry must not find its message "already routed" in unsaved memory and skip the write.</summary>
    public Task Invoke(IIncomingGrainCallContext context) => context.InvokeOrDeactivate(DeactivateOnIdle);

    public async Task<CustomerContext> Context()
    {
        var policy = await policies.GetAsync(GrainKeys.Split(this.GetPrimaryKeyString()).Tenant);
        return ContactHistory.Context(Customer, policy, ContactHistory.Statuses(Customer, _fresh), state.RecordExists);
    }

    public async Task<CustomerSnapshot?> Get()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        var tenant = GrainKeys.Split(this.GetPrimaryKeyString()).Tenant;
        await RefreshOpenStatuses(tenant);
        return Snapshot(await policies.GetAsync(tenant));
    }

    public async Task<CustomerUpdateResult> Update(CustomerUpdate update)
    {
        var tenant = GrainKeys.Split(this.GetPrimaryKeyString()).Tenant;
        var created = !state.RecordExists;
        var email = CustomerIds.NormalizeEmail(update.Email);
        var changed = created
            || Customer.Email != email
            || (update.Name is not null && update.Name != Customer.Name)
            || (update.Vip is { } vip && vip != Customer.Vip)
            || (update.LifetimeValue is { } value && value != Customer.LifetimeValue)
            || (update.ExternalId is not null && update.ExternalId != Customer.ExternalId);

        // The same PUT again changes nothing and writes nothing.
        if (changed)
        {
            Customer.Email = email;
            Customer.Name = update.Name ?? Customer.Name;
            Customer.Vip = update.Vip ?? Customer.Vip;
            Customer.LifetimeValue = update.LifetimeValue ?? Customer.LifetimeValue;
            Customer.ExternalId = update.ExternalId ?? Customer.ExternalId;
            await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        }

        return new CustomerUpdateResult(created, Snapshot(await policies.GetAsync(tenant)));
    }

    /// <summary>The thread this message answers, if any; an order match counts only while that ticket is open.</summary>
    private async Task<ThreadMatch?> FindThread(string tenant, InboundMessage message, TriagePolicy policy)
    {
        var tickets = Customer.Tickets.Select(t => t.TicketId).Concat(Customer.Contacts.Select(c => c.TicketId)).ToHashSet(StringComparer.Ordinal);
        if (tickets.Count == 0)
        {
            return null;
        }

        var contacts = Customer.Contacts.AsEnumerable().Reverse().Select(c => (c.TicketId, c.OrderId));
        var match = ThreadRouter.Find(message, id => ContactHistory.TicketOf(Customer, id), tickets, contacts, OrderOf(message, policy));
        if (match is not { NeedsOpenTicket: true })
        {
            return match;
        }

        // The stored status may be stale (an agent resolved it), so ask the ticket; a read that never waits behind triage.
        var status = await GrainFactory.GetGrain<ITicketGrain>(GrainKeys.Compose(tenant, match.TicketId)).Status();
        if (status is { } known)
        {
            _fresh[match.TicketId] = known;
        }

        return status is null or TicketStatus.Resolved ? null : match;
    }

    private static string? OrderOf(InboundMessage message, TriagePolicy policy)
    {
        if (!string.IsNullOrWhiteSpace(message.OrderId))
        {
            return message.OrderId.Trim();
        }

        try
        {
            var found = Regex.Match(message.Subject + "\n" + message.Text, policy.OrderReferencePattern,
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
            return found.Success ? found.Value.ToUpperInvariant() : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Tickets last seen open may have been resolved since; reads only, nothing is written.</summary>
    private async Task RefreshOpenStatuses(string tenant)
    {
        var open = ContactHistory.Statuses(Customer, _fresh).Where(s => s.Value != TicketStatus.Resolved).Select(s => s.Key).ToList();
        var statuses = await Task.WhenAll(open.Select(id => GrainFactory.GetGrain<ITicketGrain>(GrainKeys.Compose(tenant, id)).Status()));
        for (var i = 0; i < open.Count; i++)
        {
            if (statuses[i] is { } status)
            {
                _fresh[open[i]] = status;
            }
        }
    }

    private CustomerSnapshot Snapshot(TriagePolicy policy) =>
        new(GrainKeys.Split(this.GetPrimaryKeyString()).Id, Customer.Email, Customer.Name, Customer.FirstContactAt, Customer.Tickets.ToArray())
        {
            Vip = Customer.Vip,
            LifetimeValue = Customer.LifetimeValue,
            ExternalId = Customer.ExternalId,
            IsVip = ContactHistory.IsVip(Customer, policy),
            Contacts = Customer.Contacts.ToArray(),
            Older = Customer.Older,
            OpenTickets = ContactHistory.OpenTickets(ContactHistory.Statuses(Customer, _fresh)),
            Trend = ContactHistory.Trend(Customer),
            ErasedAt = Customer.ErasedAt,
            EarlierTickets = Customer.EarlierTickets,
            Orders = Customer.Orders.ToArray(),
            Indexed = Customer.IndexPending.Count + Customer.IndexPages * Bounds.IndexPageSize,
        };
}
