using Retenza.Triage.Orders;

namespace Retenza.Grains.Tests.Orders;

internal static class TestOrders
{
    /// <summary>An order that uses every field: two shipments (one lost, one held), a refund, an ETA.</summary>
    public static OrderSnapshot Full(string id = "RT-10006") => new(
        id,
        "ana@example.com",
        OrderStatus.PartiallyDelivered,
        1499.00m,
        "EUR",
        "DE",
        [new OrderItem("MUG-01", "Stoneware mug", 2, 24.50m), new OrderItem("VASE-01", "Glass vase", 1, 1450.00m)],
        [
            new Shipment("DHL", "JD0001", ShipmentStatus.Lost, ["VASE-01"], null),
            new Shipment("UPS", "1Z0002", ShipmentStatus.HeldAtCustoms, ["MUG-01"], new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.FromHours(1))),
        ],
        new Refund(RefundStatus.Requested, 1450.00m, null),
        DateTimeOffset.UnixEpoch);
}
