using Retenza.Triage.Orders;

namespace Retenza.Triage.Confidence;

/// <summary>
/// Which intents can only be answered from an order, and which order fields the answer needs.
/// Shared by the draft writer (ask for the order number) and the scorer (data completeness).
/// </summary>
public static class OrderRequirements
{
    private static readonly HashSet<string> NeedOrder = new(StringComparer.Ordinal)
    {
        "cancel_order", "change_order", "change_shipping_address", "check_invoice", "get_invoice", "get_refund",
        "track_order", "track_refund", "damaged_item", "missing_item", "wrong_item", "return_request", "delivery_delayed",
    };

    public static bool NeedsOrder(string intent) => NeedOrder.Contains(intent);

    /// <summary>The fields this intent's answer needs that the snapshot lacks (empty when complete).</summary>
    public static IReadOnlyList<string> MissingFields(string intent, OrderSnapshot order)
    {
        var missing = new List<string>();
        var shipped = order.Status is OrderStatus.Shipped or OrderStatus.PartiallyDelivered or OrderStatus.Delivered;
        switch (intent)
        {
            case "track_order" or "delivery_delayed" when shipped && !order.Shipments.Any(s => s.Tracking.Length > 0 && s.Carrier.Length > 0):
                missing.Add("shipments (carrier and tracking) on a shipped order");
                break;
            case "track_refund" when order.Refund is null:
                missing.Add("refund");
                break;
            case "missing_item" when order.Shipments.Count == 0:
                missing.Add("shipments");
                break;
        }

        if (intent is "get_refund" or "return_request" or "damaged_item" or "wrong_item" or "missing_item" or "check_invoice" or "get_invoice"
            && order.Items.Count == 0)
        {
            missing.Add("items");
        }

        return missing;
    }
}
