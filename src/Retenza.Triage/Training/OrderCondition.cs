using Retenza.Triage.Orders;

namespace Retenza.Triage.Training;

/// <summary>
/// What the platform has told Retenza about the order an evaluated email concerns. The auto tier depends on it:
/// an intent that needs an order (tracking, refunds, changes) can only auto-send when its order is on file.
/// </summary>
public sealed record OrderCondition(string Name, Func<string, DateTimeOffset, OrderSnapshot?> OrderFor)
{
    public const string OrderId = "RT-50001";

    /// <summary>No order pushed: order-needing intents can reach review at most, the rest may auto-send.</summary>
    public static OrderCondition NoOrder { get; } = new("no order on file", (_, _) => null);

    /// <summary>
    /// The most permissive ordinary case: every email comes with <c>orderId</c> <see cref="OrderId"/>, the sender's
    /// order, shipped, one parcel in transit, 80.00 USD, domestic (US).
    /// </summary>
    public static OrderCondition InTransit { get; } = new("order in transit", (email, now) => Order(email, now, OrderStatus.Shipped, ShipmentStatus.InTransit));

    /// <summary>The same order after delivery: what return, refund and damage mail usually concerns.</summary>
    public static OrderCondition Delivered { get; } = new("order delivered", (email, now) => Order(email, now, OrderStatus.Delivered, ShipmentStatus.Delivered));

    public static IReadOnlyList<OrderCondition> All { get; } = [NoOrder, InTransit, Delivered];

    private static OrderSnapshot Order(string email, DateTimeOffset now, OrderStatus status, ShipmentStatus shipment) => new(
        OrderId, email, status, 80m, "USD", "US",
        [new OrderItem("MUG-01", "Stoneware mug", 2, 20m), new OrderItem("LAMP-02", "Desk lamp", 1, 40m)],
        [new Shipment("UPS", "1Z999AA10123456784", shipment, ["MUG-01", "LAMP-02"], now.AddDays(2))],
        null,
        now.AddDays(-3));
}
