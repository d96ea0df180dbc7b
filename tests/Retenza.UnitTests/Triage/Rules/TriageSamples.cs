using Retenza.Triage;
using Retenza.Triage.Customers;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.Triage.Policy;
using Retenza.Triage.Reading;
using Retenza.Triage.Rules;
using Retenza.Triage.Sentiment;

namespace Retenza.UnitTests.Triage.Rules;

/// <summary>Contract records built by hand, standing in for the reader, classifier, sentiment and order stages.</summary>
internal static class TriageSamples
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly SentimentReading Calm = new(0.2, FrustrationLevel.None, []);

    public static EmailDocument Email(string body, string subject = "", string language = "en", double languageConfidence = 0.99) =>
        new(subject, body, body, new LanguageGuess(language, languageConfidence), []);

    public static IntentPrediction Intent(
        string name,
        double probability = 0.95,
        IReadOnlyList<IntentScore>? alternatives = null,
        IReadOnlyList<IntentScore>? secondary = null) =>
        new(name, probability, alternatives ?? [], secondary ?? [], "test");

    public static OrderSnapshot Snapshot(
        string orderId = "RT-10006",
        OrderStatus status = OrderStatus.Shipped,
        decimal total = 129.50m,
        string country = "US",
        IReadOnlyList<Shipment>? shipments = null,
        Refund? refund = null,
        IReadOnlyList<OrderItem>? items = null) =>
        new(
            orderId,
            "ana@example.com",
            status,
            total,
            "USD",
            country,
            items ?? [new OrderItem("VASE-1", "Blue Vase", 1, 89.50m), new OrderItem("CNDL-2", "Candle", 2, 20.00m)],
            shipments ?? [new Shipment("UPS", "1Z999AA10123456784", ShipmentStatus.InTransit, ["VASE-1", "CNDL-2"], new DateTimeOffset(2025, 6, 4, 0, 0, 0, TimeSpan.Zero))],
            refund,
            Now.AddDays(-1));

    public static OrderFacts Facts(bool splitLoss = false, bool international = false, bool customs = false, bool highValue = false) =>
        new(splitLoss, international, customs, highValue, [], []);

    public static OrderLookup Found(OrderSnapshot snapshot, OrderFacts? facts = null) =>
        new(snapshot.OrderId, "text", snapshot, facts ?? Facts());

    public static RuleInput Input(
        string body,
        string intent = "track_order",
        double probability = 0.95,
        string subject = "",
        IntentPrediction? prediction = null,
        SentimentReading? sentiment = null,
        OrderLookup? order = null,
        CustomerContext? customer = null,
        TriagePolicy? policy = null,
        EmailDocument? email = null) =>
        new(
            email ?? Email(body, subject),
            prediction ?? Intent(intent, probability),
            sentiment ?? Calm,
            order ?? OrderLookup.None,
            customer ?? CustomerContext.FirstContact,
            policy ?? TriagePolicy.Default,
            Now);

    public static PriorContact Contact(string ticketId, int daysAgo, string? intent = null, string? orderId = null, string? frustration = null) =>
        new(ticketId, Now.AddDays(-daysAgo), intent, orderId, null, frustration, "review", null);

    public static IReadOnlyList<TriageReason> Evaluate(RuleInput input) => new RuleEngine().Evaluate(input);
}
