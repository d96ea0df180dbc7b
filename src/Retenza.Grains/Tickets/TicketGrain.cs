using Orleans.Placement;
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
    [PersistentState("ticket", StorageNames.Default)] IPersistentState<TicketState> state,
    ITriagePipeline triage,
    TenantPolicyCache policies,
    TimeProvider time) : Grain, ITicketGrain, IIncomingGrainCallFilter
{
    private const string System = "system";

    private (string Tenant, string Id)? _key;

    private TicketState Ticket => state.State;

    private (string Tenant, string Id) Key => _key ??= GrainKeys.Split(this.GetPrimaryKeyString());

    public async Task<IngestResult> Open(InboundMessage message, string customerId, CustomerContext customer)
    {
        if (state.RecordExists)
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

        // The queue entry goes first: if the ticket write then fails, a stale entry is harmless (claims check the ticket).
        await EnterQueue(now);

        // One write for the whole opening: received, triaged and routed land together or not at all.
        await Persist();
        CountAutoSend();
        return new IngestResult(IngestOutcome.Created, Summary()) { Contact = ContactFor(message, threaded: false, reopened: false) };
    }

    public Task<TicketSnapshot?> Get() => Task.FromResult(state.RecordExists ? Snapshot() : null);

    private void EnsureExists(TicketStatus to)
    {
        if (!state.RecordExists)
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

    private Task Persist() => state.WriteOrDeactivateAsync(DeactivateOnIdle);

    /// <summary>A retried message must not meet the unsaved half of a failed opening ("Escalated → Received").</summary>
    public Task Invoke(IIncomingGrainCallContext context) => context.InvokeOrDeactivate(DeactivateOnIdle);

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
