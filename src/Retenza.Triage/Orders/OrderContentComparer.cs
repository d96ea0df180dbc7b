namespace Retenza.Triage.Orders;

/// <summary>
/// Two snapshots say the same about an order: every field but <see cref="OrderSnapshot.UpdatedAt"/>
/// (which records when we stored it, not what the platform sent) is equal, lists item by item in order.
/// The order grain uses it to tell a changed push from a repeated one.
/// </summary>
public sealed class OrderContentComparer : IEqualityComparer<OrderSnapshot>
{
    public static readonly OrderContentComparer Instance = new();

    public bool Equals(OrderSnapshot? x, OrderSnapshot? y) =>
        ReferenceEquals(x, y)
        || (x is not null && y is not null
            && x.OrderId == y.OrderId
            && x.CustomerEmail == y.CustomerEmail
            && x.Status == y.Status
            && x.Total == y.Total
            && x.Currency == y.Currency
            && x.Country == y.Country
            && x.Items.SequenceEqual(y.Items)
            && x.Shipments.Count == y.Shipments.Count
            && x.Shipments.Zip(y.Shipments).All(p => SameShipment(p.First, p.Second))
            && x.Refund == y.Refund);

    public int GetHashCode(OrderSnapshot obj) => HashCode.Combine(obj.OrderId, obj.Status, obj.Total, obj.Items.Count, obj.Shipments.Count);

    // Shipment holds a list, which record equality would compare by reference.
    private static bool SameShipment(Shipment x, Shipment y) =>
        x.Carrier == y.Carrier && x.Tracking == y.Tracking && x.Status == y.Status && x.Eta == y.Eta && x.Skus.SequenceEqual(y.Skus);
}
