using System.Globalization;
using Retenza.Triage.Orders;

namespace Retenza.Triage.Drafts;

/// <summary>How order facts read in a reply: one format per kind, which the fact check parses back.</summary>
public static class OrderWording
{
    public const string DateFormat = "MMMM d, yyyy";

    public static string Money(decimal amount, string currency)
    {
        var number = amount.ToString("N2", CultureInfo.InvariantCulture);
        return currency.ToUpperInvariant() switch
        {
            "USD" => "$" + number,
            "EUR" => "€" + number,
            "GBP" => "£" + number,
            var code => $"{number} {code}",
        };
    }

    public static string Date(DateTimeOffset date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads after "has already been …" and "is …".</summary>
    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.Placed => "placed",
        OrderStatus.Paid => "paid",
        OrderStatus.Shipped => "shipped",
        OrderStatus.PartiallyDelivered => "partly delivered",
        OrderStatus.Delivered => "delivered",
        OrderStatus.Cancelled => "cancelled",
        OrderStatus.Returned => "returned",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Reads after "it is …".</summary>
    public static string Shipment(ShipmentStatus status) => status switch
    {
        ShipmentStatus.LabelCreated => "waiting for the carrier to collect it",
        ShipmentStatus.InTransit => "on its way",
        ShipmentStatus.Delivered => "marked as delivered",
        ShipmentStatus.Lost => "reported lost by the carrier",
        ShipmentStatus.HeldAtCustoms => "held at customs",
        ShipmentStatus.ReturnedToSender => "on its way back to us",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Items(IEnumerable<OrderItem> items) =>
        Join(items.Select(item => $"{item.Qty} × {item.Name}").ToList());

    private static string Join(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };
}
