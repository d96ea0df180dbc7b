using Retenza.Triage.Orders;

namespace Retenza.Grains.Orders;

[GenerateSerializer, Alias("Retenza.Grains.OrderState")]
public sealed class OrderState
{
    [Id(0)] public OrderSnapshot? Order { get; set; }
    [Id(1)] public int Version { get; set; }

    /// <summary>When the customer's personal fields were redacted on request (right to erasure).</summary>
    [Id(2)] public DateTimeOffset? ErasedAt { get; set; }
}
