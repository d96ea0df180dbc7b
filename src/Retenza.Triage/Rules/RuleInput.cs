using Retenza.Triage.Customers;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.Triage.Policy;
using Retenza.Triage.Reading;
using Retenza.Triage.Sentiment;

namespace Retenza.Triage.Rules;

/// <summary>Everything the rules may look at for one message.</summary>
public sealed record RuleInput(
    EmailDocument Email,
    IntentPrediction Intent,
    SentimentReading Sentiment,
    OrderLookup Order,
    CustomerContext Customer,
    TriagePolicy Policy,
    DateTimeOffset Now);
