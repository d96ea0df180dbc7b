namespace Retenza.Triage.Intents;

/// <summary>
/// What the classifier read: the top intent with its calibrated probability, the runners-up, and
/// any second, separate issue found in another part of the email (e.g. "refund my vase, and
/// change my address").
/// </summary>
public sealed record IntentPrediction(
    string Name,
    double Probability,
    IReadOnlyList<IntentScore> Alternatives,
    IReadOnlyList<IntentScore> Secondary,
    string Stage);
