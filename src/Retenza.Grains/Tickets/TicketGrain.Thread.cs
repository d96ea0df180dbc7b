using Retenza.Customers;
using Retenza.Grains.Orders;
using Retenza.Messages;
using Retenza.Tickets;
using Retenza.Triage;
using Retenza.Triage.Customers;
using Retenza.Triage.Rules;

namespace Retenza.Grains.Tickets;

/// <summary>
/// Issue 4: a customer's later message on this ticket (threading and reopen), status reads for the
/// customer grain's routing, and erasure. The customer grain decides that a message belongs here.
/// </summary>
public sealed partial class TicketGrain
{
    /// <summary>Earlier assessments kept per ticket: enough to show how triage changed its mind, never unbounded.</summary>
    public const int MaxEarlierAssessments = 10;

    /// <summary>Customer messages of the thread given to re-triage as context, and how much of each.</summary>
    private const int ThreadTextMessages = 5;
    private const int ThreadTextChars = 500;

    private const string Erased = "[erased]";

    public async Task<IngestResult> Append(InboundMessage message, CustomerContext customer)
    {
        if (!Stored.RecordExists)
        {
            throw new TicketTransitionException(null, TicketStatus.Reopened);
        }

        var messageId = MessageIds.Normalize(message.MessageId);
        if (Ticket.Messages.Any(m => MessageIds.Normalize(m.MessageId) == messageId))
        {
            // A retried delivery: the thread already holds it, so nothing is appended twice.
            return new IngestResult(IngestOutcome.Replayed, Summary()) { Contact = ContactFor(message, threaded: true, reopened: false) };
        }

        var now = time.GetUtcNow();
        var previous = Ticket.Status;
        var queueBefore = Ticket.Queue;
        var thread = ThreadFor(previous);
        Ticket.Messages.Add(ThreadMessage.Inbound(message));

        // SPEC §3: a customer writing again on an answered or closed thread reopens it.
        var reopen = previous is TicketStatus.AutoReplied or TicketStatus.Replied or TicketStatus.Resolved;
        if (reopen)
        {
            Move(TicketStatus.Reopened, System, [], null, "customer wrote again", now);
        }

        var result = await triage.TriageAsync(TriageRequests.For(Key.Tenant, message, customer with { Thread = thread },
            await policies.GetAsync(Key.Tenant), new GrainOrderSource(GrainFactory, Key.Tenant), message.OrderId ?? thread.OrderId));
        var assessment = AssessmentMapper.ToAssessment(result, time.GetUtcNow());
        if (Ticket.Assessment is { } earlier)
        {
            Ticket.EarlierAssessments.Add(earlier);
            if (Ticket.EarlierAssessments.Count > MaxEarlierAssessments)
            {
                Ticket.EarlierAssessments.RemoveAt(0);
            }
        }

        Ticket.Assessment = assessment;
        var codes = assessment.Reasons.Select(r => r.Code).ToArray();
        if (reopen)
        {
            Ticket.ClaimedBy = null;
            Ticket.Queue = assessment.Queue;
            Ticket.Priority = assessment.Priority;
            Move(TicketStatus.Triaged, System, [], assessment.PolicyVersion, null, assessment.AssessedAt);
            Move(TicketLifecycle.StatusFor(assessment.Route), System, codes, assessment.PolicyVersion, null, assessment.AssessedAt);
            if (assessment.Route == Route.Auto && assessment.Details?.Draft is { } draft)
            {
                Ticket.Messages.Add(Outbound(draft.Text, assessment.AssessedAt) with { Delivery = DeliveryState.Pending });
            }
        }
        else if (assessment.Route == Route.Escalate && previous == TicketStatus.AwaitingReview)
        {
            // The new message made a draft-for-review ticket a human's job (e.g. a third contact on the same order).
            Ticket.Queue = assessment.Queue;
            Ticket.Priority = assessment.Priority;
            Move(TicketStatus.Escalated, System, codes, assessment.PolicyVersion, "customer wrote again", assessment.AssessedAt);
        }
        else if (previous == TicketStatus.Escalated && assessment.Route == Route.Escalate && assessment.Priority > Ticket.Priority)
        {
            // Still escalated, now more urgent: it moves up to the new reasons' queue.
            Ticket.Queue = assessment.Queue;
            Ticket.Priority = assessment.Priority;
            Ticket.UpdatedAt = assessment.AssessedAt;
        }
        else
        {
            // With a human already (claimed) or waiting: the message and its assessment join the thread; the route stands.
            Ticket.UpdatedAt = assessment.AssessedAt;
        }

        if (Ticket.Queue != queueBefore || reopen)
        {
            // Re-routed to a human (or to another queue): the queue index learns it before the ticket is written.
            await EnterQueue(now);
        }

        // One write for the whole reply: appended, reopened, re-triaged and routed land together or not at all.
        await Persist();
        CountAutoReplyOutcome(previous, thread.Intent, assessment);
        if (reopen)
        {
            CountAutoSend();
        }

        return new IngestResult(IngestOutcome.Threaded, Summary()) { Contact = ContactFor(message, threaded: true, reopened: reopen) };
    }

    public Task<TicketStatus?> Status() => Task.FromResult<TicketStatus?>(Stored.RecordExists ? Ticket.Status : null);

    public async Task Erase()
    {
        if (!Stored.RecordExists || Ticket.ErasedAt is not null)
        {
            return;
        }

        Ticket.Messages = [.. Ticket.Messages.Select(m => m with
        {
            From = m.Direction == MessageDirection.Inbound ? new EmailAddress(Erased, null) : m.From,
            To = m.Direction == MessageDirection.Outbound ? [Erased] : m.To,
            Subject = Erased,
            Text = Erased,
            Html = null,
            Attachments = [],
        })];
        Ticket.Assessment = Ticket.Assessment is { } a ? Anonymise(a) : null;
        Ticket.EarlierAssessments = [.. Ticket.EarlierAssessments.Select(Anonymise)];

        // The trail keeps every transition (who, when, codes); only free-text notes could hold personal data.
        Ticket.Audit = [.. Ticket.Audit.Select(e => e.Note is null ? e : e with { Note = Erased })];
        Ticket.ErasedAt = time.GetUtcNow();
        await Persist();
    }

    /// <summary>The decision stays (route, queue, reason codes and rules); quoted text, inputs and the detailed reading go.</summary>
    private static Assessment Anonymise(Assessment assessment) => assessment with
    {
        Summary = Erased,
        Reasons = [.. assessment.Reasons.Select(r => r with { Evidence = [], Inputs = new Dictionary<string, string>() })],
        Details = null,
    };

    private ThreadContext ThreadFor(TicketStatus previous)
    {
        var details = Ticket.Assessment?.Details;
        var lastOutbound = Ticket.Messages.LastOrDefault(m => m.Direction == MessageDirection.Outbound);
        var autoReply = previous == TicketStatus.AutoReplied ? lastOutbound : null;
        return new ThreadContext(
            Key.Id,
            Reasons.Snake(previous),
            Ticket.Messages.Count,
            details?.Intent?.Name,
            details?.Order.Reference ?? details?.Order.Snapshot?.OrderId)
        {
            AutoReplyMessageId = autoReply?.MessageId,
            AutoRepliedAt = autoReply?.At,
            EarlierCustomerText = [.. Ticket.Messages
                .Where(m => m.Direction == MessageDirection.Inbound)
                .TakeLast(ThreadTextMessages)
                .Select(m => m.Text.Length > ThreadTextChars ? m.Text[..ThreadTextChars] : m.Text)],
        };
    }

    /// <summary>What this message adds to the customer's history, from the ticket's current assessment.</summary>
    private ContactRecord ContactFor(InboundMessage message, bool threaded, bool reopened)
    {
        var details = Ticket.Assessment?.Details;
        return new ContactRecord(
            MessageIds.Normalize(message.MessageId),
            Key.Id,
            time.GetUtcNow(),
            details?.Intent?.Name,
            details?.Order.Reference ?? details?.Order.Snapshot?.OrderId ?? message.OrderId,
            details?.Sentiment?.Score,
            details?.Sentiment is { } sentiment ? Reasons.Snake(sentiment.Frustration) : null,
            Ticket.Assessment?.Route,
            Ticket.Status,
            threaded,
            reopened);
    }
}
