using System.Globalization;
using System.Text.Json;
using Retenza.Triage.Policy;

namespace Retenza.Triage.Orders;

/// <summary>
/// What an order means for routing (SPEC §4: split shipment with partial loss, international,
/// customs, high value, status anomalies). Every fact comes with evidence that quotes the snapshot's
/// fields as the platform sent them, so an agent can check each one without opening the order.
/// </summary>
public static class OrderFactsDeriver
{
    public static OrderFacts Derive(OrderSnapshot order, TriagePolicy policy, string? senderEmail = null)
    {
        var anomalies = new List<string>();
        var evidence = new List<string>();
        void Prove(string line)
        {
            if (!evidence.Contains(line))
            {
                evidence.Add(line);
            }
        }

        var shipments = order.Shipments;
        var failed = Indexes(shipments, s => s.Status is ShipmentStatus.Lost or ShipmentStatus.ReturnedToSender);
        var moving = Indexes(shipments, s => s.Status is ShipmentStatus.Delivered or ShipmentStatus.InTransit);

        // Part of the order arrived (or is on its way) and part will not: the skus of each say which part.
        var splitLoss = shipments.Count > 1 && failed.Count > 0 && moving.Count > 0;
        if (splitLoss)
        {
            foreach (var i in failed.Concat(moving).Order())
            {
                Prove(DescribeShipment(shipments, i));
            }
        }

        var international = !string.IsNullOrWhiteSpace(policy.HomeCountry)
            && !string.Equals(order.Country, policy.HomeCountry, StringComparison.OrdinalIgnoreCase);
        if (international)
        {
            Prove($"country={order.Country} (home country {policy.HomeCountry})");
        }

        var held = Indexes(shipments, s => s.Status == ShipmentStatus.HeldAtCustoms);
        foreach (var i in held)
        {
            Prove(DescribeShipment(shipments, i));
        }

        var highValue = order.Total > policy.HighValueAmount;
        if (highValue)
        {
            Prove($"total={Amount(order.Total)} {order.Currency} > {policy.HighValueAmount.ToString("0.##", CultureInfo.InvariantCulture)}");
        }

        for (var i = 0; i < shipments.Count; i++)
        {
            var what = shipments[i].Status switch
            {
                ShipmentStatus.Lost => "lost",
                ShipmentStatus.HeldAtCustoms => "held at customs",
                ShipmentStatus.ReturnedToSender => "returned to sender",
                _ => null,
            };
            if (what is not null)
            {
                anomalies.Add($"shipment {Label(shipments, i)} {what}");
                Prove(DescribeShipment(shipments, i));
            }
        }

        // The order's status and its shipments disagree: one of them is wrong, and the customer sees the wrong one.
        var undelivered = Indexes(shipments, s => s.Status is ShipmentStatus.InTransit or ShipmentStatus.LabelCreated);
        if (order.Status == OrderStatus.Delivered)
        {
            foreach (var i in undelivered)
            {
                anomalies.Add($"status delivered but shipment {Label(shipments, i)} {Words(shipments[i].Status)}");
                Prove($"status={Name(order.Status)}");
                Prove(DescribeShipment(shipments, i));
            }
        }

        if (order.Status == OrderStatus.Cancelled)
        {
            foreach (var i in Indexes(shipments, s => s.Status is ShipmentStatus.InTransit or ShipmentStatus.Delivered))
            {
                anomalies.Add($"status cancelled but shipment {Label(shipments, i)} {Words(shipments[i].Status)}");
                Prove($"status={Name(order.Status)}");
                Prove(DescribeShipment(shipments, i));
            }
        }

        if (order.Refund is { } refund)
        {
            if (refund.Status == RefundStatus.Requested)
            {
                anomalies.Add("refund requested but not issued");
                Prove($"refund.status={Name(refund.Status)} (amount {Amount(refund.Amount)} {order.Currency})");
            }
            else if (refund.Status == RefundStatus.Issued && refund.Amount > order.Total)
            {
                anomalies.Add("refund issued exceeds the order total");
                Prove($"refund.amount={Amount(refund.Amount)} {order.Currency} > total={Amount(order.Total)} {order.Currency}");
            }
        }

        // Order details must not be discussed with someone who did not place the order.
        if (!string.IsNullOrWhiteSpace(senderEmail)
            && !string.Equals(senderEmail.Trim(), order.CustomerEmail.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            anomalies.Add("sender is not the order's customer");
            Prove($"customerEmail={order.CustomerEmail} (sender {senderEmail.Trim()})");
        }

        return new OrderFacts(splitLoss, international, international || held.Count > 0, highValue, anomalies, evidence);
    }

    /// <summary>The snake_case name the API and stored data use, e.g. "held_at_customs".</summary>
    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static List<int> Indexes(IReadOnlyList<Shipment> shipments, Func<Shipment, bool> predicate) =>
        Enumerable.Range(0, shipments.Count).Where(i => predicate(shipments[i])).ToList();

    private static string DescribeShipment(IReadOnlyList<Shipment> shipments, int i) =>
        $"shipments[{i}].status={Name(shipments[i].Status)} (skus: {string.Join(", ", shipments[i].Skus)})";

    /// <summary>The tracking number is what carrier and customer both quote; the position is the fallback.</summary>
    private static string Label(IReadOnlyList<Shipment> shipments, int i) =>
        string.IsNullOrWhiteSpace(shipments[i].Tracking) ? $"#{i + 1}" : shipments[i].Tracking;

    private static string Words(ShipmentStatus status) => Name(status).Replace('_', ' ');

    // Two decimals at least (1499.00), more when the currency or the platform uses them (e.g. 12.345 KWD).
    private static string Amount(decimal amount) => amount.ToString("0.00######", CultureInfo.InvariantCulture);
}
