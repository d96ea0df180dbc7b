using Retenza.Messages;
using Retenza.Tickets;
using Retenza.Triage.Confidence;
using Retenza.Triage.Customers;
using Retenza.Triage.Drafts;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.Triage.Sentiment;

namespace Retenza.Api.Tickets;

/// <summary>
/// SPEC §5 in one response, in reading order: what the customer wants, how they feel and why we
/// think so, their order and history, the AI draft (even unsent), why a human has it, the thread, the trail.
/// </summary>
public sealed record Briefing(
    string TicketId,
    TicketStatus Status,
    string? Queue,
    int Priority,
    string? ClaimedBy,
    string Summary,
    IntentPrediction? Intent,
    string? Language,
    SentimentReading? Sentiment,
    OrderLookup? Order,
    CustomerContext? Customer,
    Draft? Draft,
    ConfidenceScore? Confidence,
    IReadOnlyList<Reason> Reasons,
    IReadOnlyList<ThreadMessage> Thread,
    IReadOnlyList<AuditEntry> Audit)
{
    public static Briefing From(TicketSnapshot t)
    {
        var details = t.Assessment?.Details;
        return new Briefing(t.Id, t.Status, t.Queue, t.Priority, t.ClaimedBy, t.Assessment?.Summary ?? details?.Summary ?? "",
            details?.Intent, details?.Language, details?.Sentiment, details?.Order, details?.Customer, details?.Draft, details?.Confidence,
            t.Reasons, t.Messages, t.Audit);
    }
}
