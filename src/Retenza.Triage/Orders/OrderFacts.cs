namespace Retenza.Triage.Orders;

/// <summary>
/// What the order means for routing, derived from the snapshot and the policy, each with the
/// field values that prove it (quoted in reasons and briefings).
/// </summary>
public sealed record OrderFacts(
    bool SplitShipmentPartialLoss,
    bool International,
    bool CustomsOrDuties,
    bool HighValue,
    IReadOnlyList<string> Anomalies,
    IReadOnlyList<string> Evidence);
