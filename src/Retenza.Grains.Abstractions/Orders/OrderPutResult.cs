using Retenza.Triage.Orders;

namespace Retenza.Orders;

/// <summary>What a push did, the version now stored (1 for a new order, +1 per change) and the stored order.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.OrderPutResult")]
public sealed record OrderPutResult(
    [property: Id(0)] OrderPutOutcome Outcome,
    [property: Id(1)] int Version,
    [property: Id(2)] OrderSnapshot Order);
