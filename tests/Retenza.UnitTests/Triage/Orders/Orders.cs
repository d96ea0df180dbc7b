using Retenza.Triage.Orders;

namespace Retenza.UnitTests.Triage.Orders;

/// <summary>Order snapshots for tests: a plain domestic order, and the pieces to vary it.</summary>
internal static class Orders
{
    public static readonly DateTimeOffset At = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public static OrderSnapshot Domestic(string id = "RT-10006") => new(
        id,
        "ana@example.com",
        OrderStatus.Delivered,
        89.90m,
        "USD",
        "US",
        [new OrderItem("MUG-01", "Stoneware mug", 2, 19.95m), new OrderItem("VASE-01", "Glass vase", 1, 50.00m)],
        [Shipment("1Z001", ShipmentStatus.Delivered, "MUG-01", "VASE-01")],
        null,
        At);

    public static Shipment Shipment(string tracking, ShipmentStatus status, params string[] skus) =>
        new("UPS", tracking, status, skus, null);
}
