using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.Triage.Rules;
using static Retenza.UnitTests.Triage.Rules.TriageSamples;

namespace Retenza.UnitTests.Triage.Rules;

public sealed class OrderRuleTests
{
    [Fact]
    public void A_referenced_order_that_is_not_found_fires_order_not_found()
    {
        var reason = Assert.Single(Evaluate(Input("Where is RT-55555?", order: new OrderLookup("RT-55555", "text", null, null))));

        Assert.Equal(ReasonCodes.OrderNotFound, reason.Code);
        Assert.Equal(["reference RT-55555 (from text)"], reason.Evidence);
    }

    [Fact]
    public void No_reference_is_not_a_missing_order()
    {
        Assert.Empty(Evaluate(Input("Where is my parcel?", order: OrderLookup.None)));
    }

    [Fact]
    public void A_split_shipment_with_a_loss_fires_quoting_every_shipment()
    {
        var snapshot = Snapshot(status: OrderStatus.PartiallyDelivered, shipments:
        [
            new Shipment("UPS", "1Z1", ShipmentStatus.Delivered, ["VASE-1"], null),
            new Shipment("DHL", "JD2", ShipmentStatus.Lost, ["CNDL-2"], null),
        ]);

        var reason = Assert.Single(Evaluate(Input("Half my order is missing", "missing_item", order: Found(snapshot, Facts(splitLoss: true)))));

        Assert.Equal(ReasonCodes.SplitShipmentPartialLoss, reason.Code);
        Assert.Equal(["shipment UPS 1Z1: delivered [VASE-1]", "shipment DHL JD2: lost [CNDL-2]"], reason.Evidence);
    }

    [Theory]
    [InlineData("return_request")]
    [InlineData("get_refund")]
    [InlineData("damaged_item")]
    public void A_return_or_refund_on_an_international_order_fires(string intent)
    {
        var snapshot = Snapshot(country: "DE");

        var reason = Assert.Single(Evaluate(Input("x", intent, order: Found(snapshot, Facts(international: true)))));

        Assert.Equal(ReasonCodes.InternationalReturnCustoms, reason.Code);
        Assert.Contains("destination DE (home US)", reason.Evidence);
        Assert.Equal(intent, reason.Inputs["intent"]);
    }

    [Fact]
    public void A_return_as_the_second_issue_on_an_international_order_fires()
    {
        var prediction = Intent("track_order", 0.9, secondary: [new IntentScore("return_request", 0.6)]);

        Assert.Contains(Evaluate(Input("x", prediction: prediction, order: Found(Snapshot(country: "DE"), Facts(international: true)))), r => r.Code == ReasonCodes.InternationalReturnCustoms);
    }

    [Fact]
    public void Tracking_an_international_order_without_customs_does_not_fire()
    {
        Assert.Empty(Evaluate(Input("x", "track_order", order: Found(Snapshot(country: "DE"), Facts(international: true)))));
    }

    [Fact]
    public void Customs_fires_for_any_intent_and_quotes_the_held_shipment()
    {
        var snapshot = Snapshot(country: "CH", shipments: [new Shipment("DHL", "JD9", ShipmentStatus.HeldAtCustoms, ["VASE-1"], null)]);

        var reason = Assert.Single(Evaluate(Input("Where is it?", "track_order", order: Found(snapshot, Facts(international: true, customs: true)))));

        Assert.Equal(ReasonCodes.InternationalReturnCustoms, reason.Code);
        Assert.Contains("shipment DHL JD9: held_at_customs [VASE-1]", reason.Evidence);
    }

    [Fact]
    public void A_high_value_order_fires_with_its_total()
    {
        var reason = Assert.Single(Evaluate(Input("x", order: Found(Snapshot(total: 1250m), Facts(highValue: true)))));

        Assert.Equal(ReasonCodes.HighValueOrder, reason.Code);
        Assert.Equal(["total 1250.00 USD (high-value amount 1000.00)"], reason.Evidence);
    }

    [Fact]
    public void Order_rules_read_the_facts_and_stay_quiet_without_them()
    {
        var snapshot = Snapshot(total: 5000m);

        Assert.Empty(Evaluate(Input("x", order: new OrderLookup(snapshot.OrderId, "field", snapshot, null))));
        Assert.Empty(Evaluate(Input("x", order: Found(snapshot, Facts()))));
    }

    [Theory]
    [InlineData("delivery_delayed")]
    [InlineData("missing_item")]
    public void Delivered_but_reported_missing_fires_quoting_the_delivered_shipment(string intent)
    {
        var snapshot = Snapshot(status: OrderStatus.Delivered, shipments: [new Shipment("UPS", "1Z9", ShipmentStatus.Delivered, ["VASE-1", "CNDL-2"], null)]);

        var reason = Assert.Single(Evaluate(Input("It never arrived", intent, order: Found(snapshot, Facts()))));

        Assert.Equal(ReasonCodes.DeliveredNotReceived, reason.Code);
        Assert.Equal(["order status delivered", "shipment UPS 1Z9: delivered [VASE-1, CNDL-2]", $"intent {intent}"], reason.Evidence);
    }

    [Fact]
    public void Delivered_is_not_an_anomaly_for_a_tracking_question_or_an_order_still_in_transit()
    {
        var delivered = Snapshot(status: OrderStatus.Delivered, shipments: [new Shipment("UPS", "1Z9", ShipmentStatus.Delivered, ["VASE-1"], null)]);
        Assert.Empty(Evaluate(Input("Where is it?", "track_order", order: Found(delivered, Facts()))));

        Assert.Empty(Evaluate(Input("It's late", "delivery_delayed", order: Found(Snapshot(), Facts()))));
    }
}
