using Retenza.Triage.Orders;
using Retenza.Triage.Policy;
using static Retenza.UnitTests.Triage.Orders.Orders;

namespace Retenza.UnitTests.Triage.Orders;

public sealed class OrderFactsDeriverTests
{
    private static readonly TriagePolicy Policy = TriagePolicy.Default;

    [Fact]
    public void A_plain_domestic_delivered_order_has_no_facts_and_no_evidence()
    {
        var facts = OrderFactsDeriver.Derive(Domestic(), Policy, "ana@example.com");

        Assert.False(facts.SplitShipmentPartialLoss);
        Assert.False(facts.International);
        Assert.False(facts.CustomsOrDuties);
        Assert.False(facts.HighValue);
        Assert.Empty(facts.Anomalies);
        Assert.Empty(facts.Evidence);
    }

    [Theory]
    [InlineData(OrderStatus.Placed)]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Shipped)]
    [InlineData(OrderStatus.Returned)]
    public void Ordinary_progress_of_a_domestic_order_raises_nothing(OrderStatus status)
    {
        var order = Domestic() with
        {
            Status = status,
            Shipments = status is OrderStatus.Placed or OrderStatus.Paid ? [] : [Shipment("1Z001", ShipmentStatus.InTransit, "MUG-01", "VASE-01")],
            Refund = new Refund(status == OrderStatus.Returned ? RefundStatus.Issued : RefundStatus.None, status == OrderStatus.Returned ? 89.90m : 0m, null),
        };

        var facts = OrderFactsDeriver.Derive(order, Policy);

        Assert.Empty(facts.Anomalies);
        Assert.Empty(facts.Evidence);
    }

    [Fact]
    public void Split_shipment_with_one_part_lost_names_both_parts_and_their_skus()
    {
        var order = Domestic() with
        {
            Status = OrderStatus.PartiallyDelivered,
            Shipments = [Shipment("1Z001", ShipmentStatus.Delivered, "MUG-01"), Shipment("1Z002", ShipmentStatus.Lost, "VASE-01")],
        };

        var facts = OrderFactsDeriver.Derive(order, Policy);

        Assert.True(facts.SplitShipmentPartialLoss);
        Assert.Equal(["shipment 1Z002 lost"], facts.Anomalies);
        Assert.Equal(["shipments[0].status=delivered (skus: MUG-01)", "shipments[1].status=lost (skus: VASE-01)"], facts.Evidence);
    }

    [Fact]
    public void Split_shipment_returned_to_sender_while_another_is_in_transit_is_a_partial_loss()
    {
        var order = Domestic() with
        {
            Status = OrderStatus.Shipped,
            Shipments = [Shipment("1Z001", ShipmentStatus.ReturnedToSender, "MUG-01"), Shipment("1Z002", ShipmentStatus.InTransit, "VASE-01")],
        };

        var facts = OrderFactsDeriver.Derive(order, Policy);

        Assert.True(facts.SplitShipmentPartialLoss);
        Assert.Equal(["shipment 1Z001 returned to sender"], facts.Anomalies);
        Assert.Contains("shipments[0].status=returned_to_sender (skus: MUG-01)", facts.Evidence);
        Assert.Contains("shipments[1].status=in_transit (skus: VASE-01)", facts.Evidence);
    }

    [Fact]
    public void A_single_lost_shipment_is_an_anomaly_but_not_a_split()
    {
        var order = Domestic() with { Status = OrderStatus.Shipped, Shipments = [Shipment("1Z001", ShipmentStatus.Lost, "MUG-01", "VASE-01")] };

        var facts = OrderFactsDeriver.Derive(order, Policy);

        Assert.False(facts.SplitShipmentPartialLoss);
        Assert.Equal(["shipment 1Z001 lost"], facts.Anomalies);
        Assert.Equal(["shipments[0].status=lost (skus: MUG-01, VASE-01)"], facts.Evidence);
    }

    [Fact]
    public void Two_shipments_both_lost_is_no_partial_loss()
    {
        var order = Domestic() with
        {
            Status = OrderStatus.Shipped,
            Shipments = [Shipment("1Z001", ShipmentStatus.Lost, "MUG-01"), Shipment("1Z002", ShipmentStatus.Lost, "VASE-01")],
        };

        var facts = OrderFactsDeriver.Derive(order, Policy);

        Assert.False(facts.SplitShipmentPartialLoss);
        Assert.Equal(["shipment 1Z001 lost", "shipment 1Z002 lost"], facts.Anomalies);
    }

    [Fact]
    public void Two_shipments_one_only_labelled_is_no_partial_loss()
    {
        var order = Domestic() with
        {
            Status = OrderStatus.Shipped,
            Shipments = [Shipment("1Z001", ShipmentStatus.Lost, "MUG-01"), Shipment("1Z002", ShipmentStatus.LabelCreated, "VASE-01")],
        };

        Assert.False(OrderFactsDeriver.Derive(order, Policy).SplitShipmentPartialLoss);
    }

    [Fact]
    public void A_destination_abroad_is_international_and_brings_customs()
    {
        var order = Domestic() with { Country = "DE", Currency = "EUR" };

        var facts = OrderFactsDeriver.Derive(order, Policy);

        Assert.True(facts.International);
        Assert.True(facts.CustomsOrDuties);
        Assert.Empty(facts.Anomalies);
        Assert.Equal(["country=DE (home country US)"], facts.Evidence);
    }

    [Fact]
    public void The_home_country_comes_from_the_policy_and_compares_without_case()
    {
        var order = Domestic() with { Country = "de" };

        Assert.False(OrderFactsDeriver.Derive(order, Policy with { HomeCountry = "DE" }).International);
        Assert.True(OrderFactsDeriver.Derive(Domestic(), Policy with { HomeCountry = "DE" }).International);
    }

    [Fact]
    public void A_policy_without_a_home_country_calls_nothing_international()
    {
        var order = Domestic() with { Country = "JP" };

        var facts = OrderFactsDeriver.Derive(order, Policy with { HomeCountry = "" });

        Assert.False(facts.International);
        Assert.False(facts.CustomsOrDuties);
    }

    [Fact]
    public void A_domestic_shipment_held_at_customs_brings_customs_and_an_anomaly()
    {
        var order = Domestic() with { Status = OrderStatus.Shipped, Shipments = [Shipment("1Z001", ShipmentStatus.HeldAtCustoms, "MUG-01", "VASE-01")] };

        var facts = OrderFactsDeriver.Derive(order, Policy);

        Assert.False(facts.International);
        Assert.True(facts.CustomsOrDuties);
        Assert.Equal(["shipment 1Z001 held at customs"], facts.Anomalies);
        Assert.Equal(["shipments[0].status=held_at_customs (skus: MUG-01, VASE-01)"], facts.Evidence);
    }

    [Fact]
    public void A_total_above_the_policy_amount_is_high_value_quoting_total_currency_and_threshold()
    {
        var order = Domestic() with { Total = 1499m };

        var facts = OrderFactsDeriver.Derive(order, Policy);

        Assert.True(facts.HighValue);
        Assert.Equal(["total=1499.00 USD > 1000"], facts.Evidence);
    }

    [Theory]
    [InlineData("1000", false)]       // "above" is strict
    [InlineData("1000.01", true)]
    [InlineData("999.99", false)]
    public void High_value_is_strictly_above_the_amount(string total, bool high) =>
        Assert.Equal(high, OrderFactsDeriver.Derive(Domestic() with { Total = decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture) }, Policy).HighValue);

    [Fact]
    public void The_high_value_amount_comes_from_the_policy()
    {
        var facts = OrderFactsDeriver.Derive(Domestic() with { Total = 250.125m }, Policy with { HighValueAmount = 200.5m });

        Assert.True(facts.HighValue);
        Assert.Equal(["total=250.125 USD > 200.5"], facts.Evidence);
    }

    [Fact]
    public void A_requested_refund_not_yet_issued_is_an_anomaly()
    {
        var order = Domestic() with { Refund = new Refund(RefundStatus.Requested, 50m, null) };

        var facts = OrderFactsDeriver.Derive(order, Policy);

        Assert.Equal(["refund requested but not issued"], facts.Anomalies);
        Assert.Equal(["refund.status=requested (amount 50.00 USD)"], facts.Evidence);
    }

    [Fact]
    public void A_refund_issued_above_the_total_is_an_anomaly()
    {
        var order = Domestic() with { Status = OrderStatus.Returned, Refund = new Refund(RefundStatus.Issued, 120m, At) };

        var facts = OrderFactsDeriver.Derive(order, Policy);

        Assert.Equal(["refund issued exceeds the order total"], facts.Anomalies);
        Assert.Equal(["refund.amount=120.00 USD > total=89.90 USD"], facts.Evidence);
    }

    [Fact]
    public void Status_delivered_while_a_shipment_is_in_transit_is_an_anomaly()
    {
        var order = Domestic() with
        {
            Shipments = [Shipment("1Z001", ShipmentStatus.Delivered, "MUG-01"), Shipment("1Z002", ShipmentStatus.InTransit, "VASE-01")],
        };

        var facts = OrderFactsDeriver.Derive(order, Policy);

        Assert.False(facts.SplitShipmentPartialLoss);
        Assert.Equal(["status delivered but shipment 1Z002 in transit"], facts.Anomalies);
        Assert.Equal(["status=delivered", "shipments[1].status=in_transit (skus: VASE-01)"], facts.Evidence);
    }

    [Fact]
    public void Status_cancelled_while_a_shipment_was_delivered_is_an_anomaly()
    {
        var order = Domestic() with { Status = OrderStatus.Cancelled };

        var facts = OrderFactsDeriver.Derive(order, Policy);

        Assert.Equal(["status cancelled but shipment 1Z001 delivered"], facts.Anomalies);
        Assert.Equal(["status=cancelled", "shipments[0].status=delivered (skus: MUG-01, VASE-01)"], facts.Evidence);
    }

    [Fact]
    public void A_shipment_without_tracking_is_named_by_its_position()
    {
        var order = Domestic() with { Status = OrderStatus.Shipped, Shipments = [Shipment("1Z001", ShipmentStatus.Delivered, "MUG-01"), Shipment("", ShipmentStatus.Lost, "VASE-01")] };

        Assert.Equal(["shipment #2 lost"], OrderFactsDeriver.Derive(order, Policy).Anomalies);
    }

    [Theory]
    [InlineData("ana@example.com", false)]
    [InlineData(" ANA@Example.com ", false)]
    [InlineData(null, false)]
    [InlineData("mallory@example.com", true)]
    public void A_sender_who_is_not_the_orders_customer_is_an_anomaly(string? sender, bool anomaly)
    {
        var facts = OrderFactsDeriver.Derive(Domestic(), Policy, sender);

        Assert.Equal(anomaly, facts.Anomalies.Contains("sender is not the order's customer"));
        Assert.Equal(anomaly, facts.Evidence.Contains("customerEmail=ana@example.com (sender mallory@example.com)"));
    }

    [Fact]
    public void Everything_at_once_lists_each_piece_of_evidence_once()
    {
        var order = Domestic() with
        {
            Status = OrderStatus.PartiallyDelivered,
            Total = 1499m,
            Currency = "EUR",
            Country = "FR",
            Shipments =
            [
                Shipment("1Z001", ShipmentStatus.Delivered, "MUG-01"),
                Shipment("1Z002", ShipmentStatus.Lost, "VASE-01"),
                Shipment("1Z003", ShipmentStatus.HeldAtCustoms, "MUG-01"),
            ],
            Refund = new Refund(RefundStatus.Requested, 50m, null),
        };

        var facts = OrderFactsDeriver.Derive(order, Policy);

        Assert.True(facts.SplitShipmentPartialLoss);
        Assert.True(facts.International);
        Assert.True(facts.CustomsOrDuties);
        Assert.True(facts.HighValue);
        Assert.Equal(["shipment 1Z002 lost", "shipment 1Z003 held at customs", "refund requested but not issued"], facts.Anomalies);
        Assert.Equal(
            [
                "shipments[0].status=delivered (skus: MUG-01)",
                "shipments[1].status=lost (skus: VASE-01)",
                "country=FR (home country US)",
                "shipments[2].status=held_at_customs (skus: MUG-01)",
                "total=1499.00 EUR > 1000",
                "refund.status=requested (amount 50.00 EUR)",
            ],
            facts.Evidence);
    }
}
