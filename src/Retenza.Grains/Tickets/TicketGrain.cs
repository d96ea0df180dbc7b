using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;
using Orleans.Storage;
using Retenza.Messages;
using Retenza.Tenancy;
using Retenza.Tickets;
using Retenza.Grains.Orders;
using Retenza.Grains.Policy;
using Retenza.Triage;
using Retenza.Triage.Customers;

namespace Retenza.Grains.Tickets;

/// <summary>Activated by the customer grain that routes the message: placed on its silo, so the
/// customer-to-ticket call on every ingest stays in process.</summary>
[PreferLocalPlacement]
public sealed partial class TicketGrain(
    ITriagePipeline triage,
    TenantPolicyCache policies,
    TimeProvider time) : Grain, ITicketGrain, IIncomingGrainCallFilter
{
    private const string System = "system";

    /// <summary>The state's name in storage (what <c>[PersistentState("ticket")]</c> stored before reads were deferred).</summary>
    private const string StateName = "ticket";

    private (string Tenant, string Id)? _key;
    private DeferredState<TicketState>? _stored;

    /// <summary>Read before any call but <see cref="OpenNew"/> (see <see cref="Invoke"/>), which may go without.</summary>
    private DeferredState<TicketState> Stored =>
        _stored ??= new(StateName, this.GetGrainId(), ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default));

    private TicketState Ticket => Stored.State;

    private (string Tenant, string Id) Key => _key ??= GrainKeys.Split(this.GetPrimaryKeyString());

    public Task<IngestResult> Open(InboundMessage message, string customerId, CustomerContext customer) =>
        OpenCore(message, customerId, customer);

    /// <summary>
    /// Opens a ticket its customer has never routed a message to, so it is most likely new: its row is not read
    /// first, and the write is an insert. If a row exists after all (the message id came from another customer, or
    /// from this one longer ago than its history reaches, or the ticket was written just before a crash), storage
    /// refuses the insert; nothing of the attempt has left the grain (the queue entry waits for the write), so the
    /// row is read, replacing the attempt in memory, and the message is opened again as <see cref="Open"/> would.
    /// </summary>
    public async Task<IngestResult> OpenNew(InboundMessage message, string customerId, CustomerContext customer)
    {
        if (Stored.IsLoaded)
        {
            return await OpenCore(message, customerId, customer);
        }

        Stored.AssumeNew();
        try
        {
            return await OpenCore(message, customerId, customer);
        }
        catch (InconsistentStateException) when (Stored.IsAssumedNew)
        {
            await Stored.ReadStateAsync();
            var result = await OpenCore(message, customerId, customer);
            if (result.Outcome == IngestOutcome.Replayed)
            {
                // This ticket may have been written by an opening that failed before its queue entry was put.
                await EnterQueue(time.GetUtcNow());
            }

            return result;
        }
    }

    private async Task<IngestResult> OpenCore(InboundMessage message, string customerId, CustomerContext customer)
    {
        if (Stored.RecordExists)
        {
            var messageId = MessageIds.Normalize(message.MessageId);
            var known = Ticket.Messages.Any(m => MessageIds.Normalize(m.MessageId) == messageId);
            return known && Ticket.CustomerId == customerId
                ? new IngestResult(IngestOutcome.Replayed, Summary()) { Contact = ContactFor(message, threaded: false, reopened: false) }
                : new IngestResult(IngestOutcome.Conflict, null);
        }

        var now = time.GetUtcNow();
        Ticket.CustomerId = customerId;
        Ticket.CreatedAt = now;
        Ticket.Messages.Add(ThreadMessage.Inbound(message));
        Move(TicketStatus.Received, System, [], null, null, now);

        var request = TriageRequests.For(Key.Tenant, message, customer, await policies.GetAsync(Key.Tenant), new GrainOrderSource(GrainFactory, Key.Tenant));
        var result = await triage.TriageAsync(request);
        var assessment = AssessmentMapper.ToAssessment(result, time.GetUtcNow());
        Ticket.Assessment = assessment;
        Ticket.Queue = assessment.Queue;
        Ticket.Priority = assessment.Priority;
        var codes = assessment.Reasons.Select(r => r.Code).ToArray();
        Move(TicketStatus.Triaged, System, [], assessment.PolicyVersion, null, assessment.AssessedAt);
        Move(TicketLifecycle.StatusFor(assessment.Route), System, codes, assessment.PolicyVersion, null, assessment.AssessedAt);
        if (assessment.Route == Route.Auto && assessment.Details?.Draft is { } draft)
        {
            // The reply goes out through the platform: it waits on the thread until delivery is confirmed.
            Ticket.Messages.Add(Outbound(draft.Text, assessment.AssessedAt) with { Delivery = DeliveryState.Pending });
        }

        // One write for the whole opening: received, triaged and routed land together or not at all. The queue entry
        // goes first when the ticket is known to be new (a stale entry is harmless: claims check the ticket); when it
        // is only assumed new, the entry waits for the write, so a refused insert leaves nothing in another ticket's
        // queue, and a failure in between is repaired by the retry (see OpenNew).
        if (Stored.IsAssumedNew)
        {
            await Persist();
            await EnterQueue(now);
        }
        else
        {
            await EnterQueue(now);
            await Persist();
        }

        CountAutoSend();
        return new IngestResult(IngestOutcome.Created, Summary()) { Contact = ContactFor(message, threaded: false, reopened: false) };
    }

    public Task<TicketSnapshot?> Get() => Task.FromResult(Stored.RecordExists ? Snapshot() : null);

    private void EnsureExists(TicketStatus to)
    {
        if (!Stored.RecordExists)
        {
            throw new TicketTransitionException(null, to);
        }
    }

    private void Move(TicketStatus to, string actor, IReadOnlyList<string> reasonCodes, string? policyVersion, string? note, DateTimeOffset at)
    {
        TicketStatus? from = Ticket.Audit.Count == 0 ? null : Ticket.Status;
        TicketLifecycle.EnsureCanMove(from, to);
        Ticket.Status = to;
        Ticket.UpdatedAt = at;
        Ticket.Audit.Add(new AuditEntry(at, actor, from, to, reasonCodes, policyVersion, note));
    }

    private ThreadMessage Outbound(string text, DateTimeOffset at)
    {
        var first = Ticket.Messages[0];
        var id = $"{Key.Id}.{Ticket.Messages.Count}@retenza";
        var support = new EmailAddress(first.To.FirstOrDefault() ?? "support@retenza.invalid", null);
        return new ThreadMessage(id, MessageDirection.Outbound, support, [first.From.Email], "Re: " + first.Subject, text, null,
            first.MessageId, [first.MessageId], at);
    }

    private Task Persist() => Stored.WriteOrDeactivateAsync(DeactivateOnIdle);

    /// <summary>
    /// Reads the state before the first call that needs it (every call but <see cref="OpenNew"/>). A retried message
    /// must not meet the unsaved half of a failed opening ("Escalated → Received"): a failed call drops the activation.
    /// </summary>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (!Stored.IsLoaded && context.InterfaceMethod?.Name != nameof(ITicketGrain.OpenNew))
        {
            await Stored.ReadStateAsync();
        }

        await context.InvokeOrDeactivate(DeactivateOnIdle);
    }

    private TicketSummary Summary() =>
        new(Key.Id, Ticket.Status, Ticket.Assessment?.Route, Ticket.Queue);

    private TicketSnapshot Snapshot() => new(
        Key.Id,
        Ticket.CustomerId,
        Ticket.Status,
        Ticket.Assessment?.Route,
        Ticket.Queue,
        Ticket.Priority,
        Ticket.ClaimedBy,
        Ticket.Assessment?.Reasons ?? [],
        Ticket.Assessment,
        Ticket.Messages.ToArray(),
        Ticket.Audit.ToArray(),
        Ticket.CreatedAt,
        Ticket.UpdatedAt)
    {
        EarlierAssessments = Ticket.EarlierAssessments.ToArray(),
    };
}
