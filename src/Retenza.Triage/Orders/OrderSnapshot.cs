namespace Retenza.Triage.Orders;

/// <summary>An order as the platform pushed it (PUT /v1/orders/{id}); frozen into the ticket at triage time.</summary>
public sealed record OrderSnapshot(
    string OrderId,
    string CustomerEmail,
    OrderStatus Status,
    decimal Total,
    string Currency,
    string Country,
    IReadOnlyList<OrderItem> Items,
    IReadOnlyList<Shipment> Shipments,
    Refund? Refund,
    DateTimeOffset UpdatedAt);

public sealed record OrderItem(string Sku, string Name, int Qty, decimal Price);

public sealed record Shipment(string Carrier, string Tracking, ShipmentStatus Status, IReadOnlyList<string> Skus, DateTimeOffset? Eta);

public sealed record Refund(RefundStatus Status, decimal Amount, DateTimeOffset? IssuedAt);

public enum OrderStatus
{
    Placed,
    Paid,
    Shipped,
    PartiallyDelivered,
    Delivered,
    Cancelled,
    Returned,
}

public enum ShipmentStatus
{
    LabelCreated,
    InTransit,
    Delivered,
    Lost,
    HeldAtCustoms,
    ReturnedToSender,
}

public enum RefundStatus
{
    None,
    Requested,
    Issued,
}
