using Retenza.Triage.Confidence;
using Retenza.Triage.Customers;
using Retenza.Triage.Drafts;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.Triage.Reading;
using Retenza.Triage.Sentiment;

namespace Retenza.Triage;

/// <summary>
/// Everything triage read and decided about one message (SPEC §2 "Assessment"), shown to agents
/// and kept for audit. Null parts were not produced (e.g. no classifier installed).
/// </summary>
public sealed record TriageAssessment(
    string Summary,
    IntentPrediction? Intent,
    string Language,
    SentimentReading? Sentiment,
    OrderLookup Order,
    CustomerContext Customer,
    Draft? Draft,
    ConfidenceScore? Confidence,
    IReadOnlyList<AttachmentInfo> Attachments);
