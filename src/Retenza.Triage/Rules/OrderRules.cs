using System.Globalization;
using Retenza.Triage.Orders;

namespace Retenza.Triage.Rules;

/// <summary>
/// Rules on the order: the facts the order stage derived (split shipment with a loss, international
/// return or customs, high value) and a referenced order that does not exist. Evidence quotes the
/// snapshot's own fields, so an agent can check them without opening the order.
/// </summary>
public static class OrderRules
{
    /// <summary>Intents that lead to goods going back or money coming back.</summary>
    public static readonly IReadOnlySet<string> ReturnOrRefundIntents = new HashSet<string>(StringComparer.Ordinal)
    {
        "return_request", "get_refund", "track_refund", "damaged_item", "wrong_item",
    };

    public static IEnumerable<TriageReason> Evaluate(RuleInput input)
    {
        var order = input.Order;
        if (order.Referenced && !order.Found)
        {
            yield return Reasons.Create(
                ReasonCodes.OrderNotFound,
                "order.not_found",
                $"The email refers to order {order.Reference}, which the store's order data does not have.",
                [$"reference {order.Reference} (from {order.Source})"],
                ("reference", order.Reference!),
                ("source", order.Source));
        }

        if (order.Snapshot is not { } snapshot || order.Facts is not { } facts)
        {
            yield break;
        }

        if (facts.SplitShipmentPartialLoss)
        {
            yield return Reasons.Create(
                ReasonCodes.SplitShipmentPartialLoss,
                "order.split_shipment_partial_loss",
                $"Order {snapshot.OrderId} shipped in parts and at least one part was lost.",
                snapshot.Shipments.Select(Describe),
                ("order", snapshot.OrderId),
                ("shipments", snapshot.Shipments.Count.ToString(CultureInfo.InvariantCulture)));
        }

        var returnIntent = ReturnIntent(input);
        if (facts.CustomsOrDuties || (facts.International && returnIntent is not null))
        {
            var evidence = new List<string> { $"destination {snapshot.Country} (home {input.Policy.HomeCountry})" };
            evidence.AddRange(snapshot.Shipments.Where(s => s.Status == ShipmentStatus.HeldAtCustoms).Select(Describe));
            if (returnIntent is not null)
            {
                evidence.Add("intent " + returnIntent);
            }

            yield return Reasons.Create(
                ReasonCodes.InternationalReturnCustoms,
                "order.international_return_customs",
                facts.CustomsOrDuties
                    ? $"Customs or duties are involved in order {snapshot.OrderId}."
                    : $"A return or refund on order {snapshot.OrderId}, which went abroad.",
                evidence,
                ("order", snapshot.OrderId),
                ("country", snapshot.Country),
                ("international", facts.International ? "true" : "false"),
                ("customs_or_duties", facts.CustomsOrDuties ? "true" : "false"),
                ("intent", returnIntent ?? input.Intent.Name));
        }

        if (facts.HighValue)
        {
            yield return Reasons.Create(
                ReasonCodes.HighValueOrder,
                "order.high_value",
                $"Order {snapshot.OrderId} is above the high-value amount.",
                [$"total {Reasons.Money(snapshot.Total)} {snapshot.Currency} (high-value amount {Reasons.Money(input.Policy.HighValueAmount)})"],
                ("order", snapshot.OrderId),
                ("total", Reasons.Money(snapshot.Total)),
                ("currency", snapshot.Currency),
                ("high_value_amount", Reasons.Money(input.Policy.HighValueAmount)));
        }

        foreach (var reason in DeliveredNotReceived(input, snapshot))
        {
            yield return reason;
        }
    }

    /// <summary>
    /// The carrier says delivered, the customer says it never came: a claims question (porch theft,
    /// wrong address, fraud) that no template can settle.
    /// </summary>
    private static IEnumerable<TriageReason> DeliveredNotReceived(RuleInput input, OrderSnapshot snapshot)
    {
        if (!NotReceivedIntents.Contains(input.Intent.Name))
        {
            yield break;
        }

        var delivered = snapshot.Shipments.Where(s => s.Status == ShipmentStatus.Delivered).ToArray();
        var allDelivered = snapshot.Status == OrderStatus.Delivered || (delivered.Length > 0 && delivered.Length == snapshot.Shipments.Count);
        if (!allDelivered)
        {
            yield break;
        }

        yield return Reasons.Create(
            ReasonCodes.DeliveredNotReceived,
            "order.delivered_not_received",
            $"The customer reports order {snapshot.OrderId} missing or late, but it is marked delivered.",
            delivered.Select(Describe).Prepend($"order status {Reasons.Snake(snapshot.Status)}").Append($"intent {input.Intent.Name}"),
            ("order", snapshot.OrderId),
            ("status", Reasons.Snake(snapshot.Status)),
            ("intent", input.Intent.Name));
    }

    /// <summary>Intents in which the customer says the goods did not arrive.</summary>
    private static readonly IReadOnlySet<string> NotReceivedIntents = new HashSet<string>(StringComparer.Ordinal)
    {
        "delivery_delayed", "missing_item",
    };

    private static string? ReturnIntent(RuleInput input) =>
        new[] { input.Intent.Name }
            .Concat(input.Intent.Secondary.Select(s => s.Name))
            .FirstOrDefault(ReturnOrRefundIntents.Contains);

    private static string Describe(Shipment shipment) =>
        $"shipment {shipment.Carrier} {shipment.Tracking}: {Reasons.Snake(shipment.Status)} [{string.Join(", ", shipment.Skus)}]";
}
