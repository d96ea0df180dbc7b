using Retenza.Triage.Orders;

namespace Retenza.Triage.Drafts;

/// <summary>
/// The values a template may quote, taken only from the order snapshot and the customer record.
/// A slot without a value is absent, never empty or invented.
/// </summary>
public static class SlotValues
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "customer_name", "order_id", "order_status", "carrier", "tracking", "shipment_status", "eta", "items",
        "lost_items", "total", "refund_amount", "refund_status", "refund_date",
    };

    /// <summary>Names longer than this are more likely a pasted signature than a name.</summary>
    public const int MaxNameLength = 60;

    public static IReadOnlyDictionary<string, string> From(string? customerName, OrderSnapshot? order)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (CleanName(customerName) is { } name)
        {
            values["customer_name"] = name;
        }

        if (order is null)
        {
            return values;
        }

        AddIfAny(values, "order_id", Clean(order.OrderId));
        values["order_status"] = OrderWording.Status(order.Status);
        values["total"] = OrderWording.Money(order.Total, order.Currency);
        var items = order.Items.Select(item => item with { Name = Clean(item.Name) }).Where(item => item.Name.Length > 0).ToList();
        AddIfAny(values, "items", OrderWording.Items(items));

        if (CurrentShipment(order) is { } shipment)
        {
            AddIfAny(values, "carrier", Clean(shipment.Carrier));
            AddIfAny(values, "tracking", Clean(shipment.Tracking));
            values["shipment_status"] = OrderWording.Shipment(shipment.Status);
            if (shipment.Eta is { } eta)
            {
                values["eta"] = OrderWording.Date(eta);
            }
        }

        var lostSkus = order.Shipments.Where(s => s.Status == ShipmentStatus.Lost).SelectMany(s => s.Skus).ToHashSet(StringComparer.Ordinal);
        AddIfAny(values, "lost_items", OrderWording.Items(items.Where(item => lostSkus.Contains(item.Sku))));

        if (order.Refund is { } refund)
        {
            values["refund_status"] = refund.Status switch
            {
                RefundStatus.None => "not started",
                RefundStatus.Requested => "requested",
                _ => "issued",
            };
            if (refund.Amount > 0)
            {
                values["refund_amount"] = OrderWording.Money(refund.Amount, order.Currency);
            }

            if (refund.IssuedAt is { } issuedAt)
            {
                values["refund_date"] = OrderWording.Date(issuedAt);
            }
        }

        return values;
    }

    /// <summary>The shipment a customer most likely asks about: the first not yet delivered, else the first.</summary>
    public static Shipment? CurrentShipment(OrderSnapshot order) =>
        order.Shipments.FirstOrDefault(s => s.Status != ShipmentStatus.Delivered) ?? order.Shipments.FirstOrDefault();

    private static string? CleanName(string? name)
    {
        var cleaned = Clean(name ?? "");
        return cleaned.Length == 0 || cleaned.Length > MaxNameLength || cleaned.Contains('@', StringComparison.Ordinal) ? null : cleaned;
    }

    /// <summary>Values are quoted once, never re-read as a template: strip braces and line breaks all the same.</summary>
    private static string Clean(string value) =>
        string.Join(' ', value.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void AddIfAny(Dictionary<string, string> values, string slot, string value)
    {
        if (value.Length > 0)
        {
            values[slot] = value;
        }
    }
}
