using Retenza.Triage;
using Retenza.Triage.Confidence;
using Retenza.Triage.Customers;
using Retenza.Triage.Drafts;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.Triage.Policy;
using Retenza.Triage.Routing;
using Retenza.Triage.Rules;
using Retenza.Triage.Sentiment;
using static Retenza.UnitTests.Triage.Rules.TriageSamples;

namespace Retenza.UnitTests.Triage.Routing;

/// <summary>
/// SPEC §4's default policy table, row by row, through the real rule engine, draft writer, scorer
/// and router: the inputs are contract records as the other stages would produce them.
/// </summary>
public sealed class SpecRoutingTableTests
{
    private static RoutingDecision Triage(RuleInput input)
    {
        var reasons = new RuleEngine().Evaluate(input);
        var draft = new TemplateDraftWriter().Write(new DraftInput(input.Email, "Ana", input.Intent, input.Order, input.Customer, input.Policy));
        var confidence = new ConfidenceScorer().Score(new ConfidenceInput(input.Intent, input.Email.Language, input.Order, draft, input.Policy));
        return new TriageRouter().Route(new RoutingInput(input.Intent, confidence, draft, reasons, input.Policy));
    }

    private static void AssertRoute(RoutingDecision decision, TriageRoute route, string? queue, string code)
    {
        Assert.Equal(route, decision.Route);
        Assert.Equal(queue, decision.Queue);
        Assert.Contains(decision.Reasons, r => r.Code == code);
    }

    // Row: human-only intents → escalate, risk (accessibility and account: escalations).
    [Theory]
    [InlineData("fraud_claim", "Someone used my card without permission.", "risk")]
    [InlineData("legal_threat", "My attorney will be in touch.", "risk")]
    [InlineData("chargeback_threat", "I'll be disputing this with my bank.", "risk")]
    [InlineData("accessibility_complaint", "Your site doesn't work with my screen reader.", "escalations")]
    [InlineData("account_judgment", "Please merge my two accounts and move the store credit.", "escalations")]
    public void Human_only_intents_escalate_to_their_queue_whether_the_classifier_or_a_phrase_saw_them(string code, string text, string queue)
    {
        var byClassifier = Triage(Input("Please help.", code, 0.99, order: Found(Snapshot())));
        var byPhraseOnly = Triage(Input(text, "track_order", 0.99, order: Found(Snapshot())));

        AssertRoute(byClassifier, TriageRoute.Escalate, queue, code);
        AssertRoute(byPhraseOnly, TriageRoute.Escalate, queue, code);
        Assert.Contains(byPhraseOnly.Reasons, r => r.Rule == "phrase." + code);
    }

    // Row: repeat contact on the same order or issue (2+ earlier contacts in 14 days) → escalate, priority.
    [Fact]
    public void Repeat_contact_escalates_to_priority()
    {
        var customer = new CustomerContext(false, 0m, [Contact("T-1", 9, "track_order", "RT-10006"), Contact("T-2", 2, "track_order", "RT-10006")]);

        AssertRoute(Triage(Input("Where is it?", order: Found(Snapshot()), customer: customer)), TriageRoute.Escalate, "priority", ReasonCodes.RepeatContact);
    }

    // Row: high frustration, or explicit frustration language → escalate, priority.
    [Fact]
    public void High_or_rising_frustration_escalates_to_priority()
    {
        var furious = new SentimentReading(-0.9, FrustrationLevel.High, ["THIRD TIME"]);
        var rising = new CustomerContext(false, 0m, [Contact("T-1", 9, frustration: "none"), Contact("T-2", 4, frustration: "low")]);

        AssertRoute(Triage(Input("Where is it?", order: Found(Snapshot()), sentiment: furious)), TriageRoute.Escalate, "priority", ReasonCodes.HighFrustration);
        AssertRoute(
            Triage(Input("Where is it?", order: Found(Snapshot()), sentiment: new SentimentReading(-0.4, FrustrationLevel.Medium, []), customer: rising)),
            TriageRoute.Escalate,
            "priority",
            ReasonCodes.RisingFrustration);
    }

    // Row: VIP customer with negative sentiment → escalate, priority.
    [Fact]
    public void An_unhappy_vip_escalates_to_priority()
    {
        var decision = Triage(Input("Where is it?", order: Found(Snapshot()), sentiment: new SentimentReading(-0.3, FrustrationLevel.Low, []), customer: new CustomerContext(true, 0m, [])));

        AssertRoute(decision, TriageRoute.Escalate, "priority", ReasonCodes.VipNegative);
    }

    // Row: split shipment with partial loss; international return with customs/duties; order above the high-value amount → escalate, escalations.
    [Theory]
    [InlineData("missing_item", true, false, false, false, ReasonCodes.SplitShipmentPartialLoss)]
    [InlineData("return_request", false, true, false, false, ReasonCodes.InternationalReturnCustoms)]
    [InlineData("track_order", false, true, true, false, ReasonCodes.InternationalReturnCustoms)]
    [InlineData("track_order", false, false, false, true, ReasonCodes.HighValueOrder)]
    public void Complex_orders_escalate_to_escalations(string intent, bool splitLoss, bool international, bool customs, bool highValue, string code)
    {
        var order = Found(Snapshot(), Facts(splitLoss, international, customs, highValue));

        AssertRoute(Triage(Input("About my order.", intent, 0.99, order: order)), TriageRoute.Escalate, "escalations", code);
    }

    // Row: order referenced but not found, two issues in one email, language not supported, out-of-scope → at most review, review / escalations.
    [Fact]
    public void Missing_order_or_two_issues_go_at_most_to_review()
    {
        var notFound = Triage(Input("Where is RT-77777?", "check_payment_methods", 0.99, order: new OrderLookup("RT-77777", "text", null, null)));
        var twoIssues = Triage(Input("Where is it, and how do I pay?", prediction: Intent("track_order", 0.99, secondary: [new IntentScore("check_payment_methods", 0.8)]), order: Found(Snapshot())));

        AssertRoute(notFound, TriageRoute.Review, "review", ReasonCodes.OrderNotFound);
        AssertRoute(twoIssues, TriageRoute.Review, "review", ReasonCodes.MultipleIssues);
    }

    [Fact]
    public void An_unsupported_language_or_out_of_scope_mail_goes_at_most_to_review_in_escalations()
    {
        var german = Triage(Input("", "track_order", 0.99, order: Found(Snapshot()), email: Email("Wo ist meine Bestellung?", language: "de", languageConfidence: 0.99)));
        var outOfScope = Triage(Input("Can you recommend a good film?", IntentTaxonomy.Other, 0.95));

        Assert.NotEqual(TriageRoute.Auto, german.Route);
        Assert.Contains(german.Reasons, r => r.Code == ReasonCodes.UnsupportedLanguage);
        AssertRoute(outOfScope, TriageRoute.Review, "escalations", ReasonCodes.OutOfScope);
    }

    // Row: confidence ≥ high threshold and auto-send allowed for the intent → auto-send.
    [Fact]
    public void A_confident_grounded_answer_to_an_auto_send_intent_is_sent()
    {
        var decision = Triage(Input("Where is my order RT-10006?", "track_order", 0.97, order: Found(Snapshot())));

        Assert.Equal((TriageRoute.Auto, (string?)null), (decision.Route, decision.Queue));
        Assert.Empty(decision.Reasons);
    }

    // Row: high > confidence ≥ medium → draft for review.
    [Fact]
    public void A_moderately_confident_answer_is_a_draft_for_review()
    {
        AssertRouteOnly(Triage(Input("Where is my order?", "track_order", 0.75, order: Found(Snapshot()))), TriageRoute.Review, "review");
    }

    // Row: below medium → escalate with full briefing.
    [Fact]
    public void An_unsure_answer_escalates()
    {
        AssertRoute(Triage(Input("hmm", "track_order", 0.4, order: Found(Snapshot()))), TriageRoute.Escalate, "escalations", ReasonCodes.LowConfidence);
    }

    [Fact]
    public void A_track_order_without_an_order_number_asks_for_it_and_waits_for_review()
    {
        var decision = Triage(Input("Where is my parcel?", "track_order", 0.97));

        AssertRouteOnly(decision, TriageRoute.Review, "review");
    }

    private static void AssertRouteOnly(RoutingDecision decision, TriageRoute route, string queue)
    {
        Assert.Equal(route, decision.Route);
        Assert.Equal(queue, decision.Queue);
    }

    [Theory]
    [MemberData(nameof(Rules.PhraseRuleTests.Paraphrases), MemberType = typeof(Rules.PhraseRuleTests))]
    public void Every_written_hard_rule_example_is_escalated_even_when_the_classifier_is_sure_it_is_routine(string code, string text)
    {
        var decision = Triage(Input(text, "track_order", 0.999, order: Found(Snapshot())));

        Assert.Equal(TriageRoute.Escalate, decision.Route);
        Assert.Contains(decision.Reasons, r => r.Code == code);
    }

    [Fact]
    public void The_default_policy_carries_specs_reason_routes()
    {
        Assert.Same(TriagePolicy.DefaultReasonRoutes, TriagePolicy.Default.ReasonRoutes);
        Assert.Equal(new ReasonRoute(RouteCeiling.Escalate, "risk", 3), TriagePolicy.Default.ReasonRoutes[ReasonCodes.LegalThreat]);
    }

    [Fact]
    public void A_lost_parcel_or_a_missing_refund_is_answered_but_waits_for_the_person_it_promises()
    {
        var lost = Found(Snapshot(shipments: [new Shipment("UPS", "1Z5", ShipmentStatus.Lost, ["VASE-1"], null)]));

        var tracking = Triage(Input("Where is my order?", "track_order", 0.99, order: lost));
        var refund = Triage(Input("Where is my refund?", "track_refund", 0.99, order: Found(Snapshot())));

        AssertRoute(tracking, TriageRoute.Review, "review", ReasonCodes.AutoSendDisabled);
        AssertRouteOnly(refund, TriageRoute.Review, "review");
    }
}
