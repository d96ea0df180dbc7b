using Retenza.Triage.Confidence;
using Retenza.Triage.Drafts;
using Retenza.Triage.Intents;
using Retenza.Triage.Policy;

namespace Retenza.Triage.Routing;

/// <summary>What the router decides from: the rules' reasons, the confidence, the draft (null if none) and the policy.</summary>
public sealed record RoutingInput(
    IntentPrediction Intent,
    ConfidenceScore Confidence,
    Draft? Draft,
    IReadOnlyList<TriageReason> Reasons,
    TriagePolicy Policy);
