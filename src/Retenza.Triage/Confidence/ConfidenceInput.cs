using Retenza.Triage.Drafts;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.Triage.Policy;
using Retenza.Triage.Reading;

namespace Retenza.Triage.Confidence;

/// <summary>What the confidence is computed from. A null draft means none was written.</summary>
public sealed record ConfidenceInput(
    IntentPrediction Intent,
    LanguageGuess Language,
    OrderLookup Order,
    Draft? Draft,
    TriagePolicy Policy);
