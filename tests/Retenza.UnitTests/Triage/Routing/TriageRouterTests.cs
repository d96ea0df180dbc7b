using Retenza.Triage;
using Retenza.Triage.Confidence;
using Retenza.Triage.Drafts;
using Retenza.Triage.Intents;
using Retenza.Triage.Policy;
using Retenza.Triage.Routing;
using Retenza.Triage.Rules;

namespace Retenza.UnitTests.Triage.Routing;

public sealed class TriageRouterTests
{
    private static readonly Draft Clean = new("Hi", "t", DraftActions.Information, [new DraftCheck("slots_filled", true, ""), new DraftCheck("facts_match_order", true, "")]);

    private static RoutingDecision Route(
        double confidence,
        string intent = "track_order",
        TriagePolicy? policy = null,
        Draft? draft = null,
        bool noDraft = false,
        params TriageReason[] reasons) =>
        new TriageRouter().Route(new RoutingInput(
            Rules.TriageSamples.Intent(intent, confidence),
            new ConfidenceScore(confidence, []),
            noDraft ? null : draft ?? Clean,
            reasons,
            policy ?? TriagePolicy.Default));

    private static TriageReason Reason(string code) => Reasons.Create(code, "test." + code, "", []);

    [Fact]
    public void Confident_with_auto_send_allowed_and_no_reason_is_auto_with_no_queue()
    {
        var decision = Route(0.95);

        Assert.Equal(TriageRoute.Auto, decision.Route);
        Assert.Null(decision.Queue);
        Assert.Equal(0, decision.Priority);
        Assert.Empty(decision.Reasons);
    }

    [Theory]
    [InlineData(0.95, TriageRoute.Auto)]
    [InlineData(0.9499, TriageRoute.Review)]
    [InlineData(0.60, TriageRoute.Review)]
    [InlineData(0.5999, TriageRoute.Escalate)]
    [InlineData(0.0, TriageRoute.Escalate)]
    [InlineData(double.NaN, TriageRoute.Escalate)]
    public void The_thresholds_are_inclusive_bands(double confidence, TriageRoute route)
    {
        Assert.Equal(route, Route(confidence).Route);
    }

    [Fact]
    public void Between_medium_and_high_a_draft_waits_in_review()
    {
        var decision = Route(0.75);

        Assert.Equal(TriageRoute.Review, decision.Route);
        Assert.Equal("review", decision.Queue);
        Assert.Empty(decision.Reasons);
    }

    [Fact]
    public void Below_medium_escalates_with_a_low_confidence_reason()
    {
        var decision = Route(0.42);

        Assert.Equal(TriageRoute.Escalate, decision.Route);
        Assert.Equal("escalations", decision.Queue);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCodes.LowConfidence, reason.Code);
        Assert.Equal("0.42", reason.Inputs["confidence"]);
    }

    [Fact]
    public void A_per_intent_high_threshold_overrides_the_global_one()
    {
        var policy = TriagePolicy.Default with { IntentHighThresholds = new Dictionary<string, double> { ["track_order"] = 0.97 } };

        Assert.Equal(TriageRoute.Review, Route(0.95, policy: policy).Route);
        Assert.Equal(TriageRoute.Auto, Route(0.97, policy: policy).Route);
        Assert.Equal(TriageRoute.Auto, Route(0.95, "delivery_options", policy).Route);
    }

    [Fact]
    public void A_confident_draft_for_an_intent_that_may_not_auto_send_goes_to_review_and_says_why()
    {
        var decision = Route(0.99, "get_refund");

        Assert.Equal(TriageRoute.Review, decision.Route);
        Assert.Equal("review", decision.Queue);
        Assert.Equal(ReasonCodes.AutoSendDisabled, Assert.Single(decision.Reasons).Code);
        Assert.Empty(Route(0.75, "get_refund").Reasons);
    }

    [Fact]
    public void A_failed_draft_check_or_no_draft_caps_at_review()
    {
        var failed = Clean with { Checks = [new DraftCheck("facts_match_order", false, "\"RT-9\" is not in the order")] };

        var withFailure = Route(0.95, draft: failed);
        var withoutDraft = Route(0.95, noDraft: true);

        Assert.Equal(TriageRoute.Review, withFailure.Route);
        var reason = Assert.Single(withFailure.Reasons);
        Assert.Equal(ReasonCodes.DraftCheckFailed, reason.Code);
        Assert.Equal(["facts_match_order: \"RT-9\" is not in the order"], reason.Evidence);
        Assert.Equal(TriageRoute.Review, withoutDraft.Route);
        Assert.Equal(["no checked draft"], Assert.Single(withoutDraft.Reasons).Evidence);
    }

    [Fact]
    public void The_strictest_ceiling_wins_with_its_queue_and_the_highest_priority_overall()
    {
        var decision = Route(0.95, reasons: [Reason(ReasonCodes.OrderNotFound), Reason(ReasonCodes.HighValueOrder), Reason(ReasonCodes.LegalThreat)]);

        Assert.Equal(TriageRoute.Escalate, decision.Route);
        Assert.Equal("risk", decision.Queue);
        Assert.Equal(3, decision.Priority);
    }

    [Fact]
    public void Priority_is_the_maximum_even_from_a_reason_with_a_looser_ceiling()
    {
        var policy = TriagePolicy.Default with
        {
            ReasonRoutes = new Dictionary<string, ReasonRoute>(TriagePolicy.DefaultReasonRoutes) { [ReasonCodes.MultipleIssues] = new(RouteCeiling.Review, "review", 5) },
        };

        var decision = Route(0.95, policy: policy, reasons: [Reason(ReasonCodes.MultipleIssues), Reason(ReasonCodes.HighValueOrder)]);

        Assert.Equal((TriageRoute.Escalate, "escalations", 5), (decision.Route, decision.Queue, decision.Priority));
    }

    [Fact]
    public void Queue_ties_break_on_priority_then_shortest_sla_then_name_whatever_the_reason_order()
    {
        // repeat_contact (priority, 2) and accessibility_complaint (escalations, 2): same priority, priority queue has the shorter SLA.
        TriageReason[] reasons = [Reason(ReasonCodes.AccessibilityComplaint), Reason(ReasonCodes.RepeatContact)];

        Assert.Equal("priority", Route(0.95, reasons: reasons).Queue);
        Assert.Equal("priority", Route(0.95, reasons: [.. reasons.Reverse()]).Queue);

        var noSla = TriagePolicy.Default with
        {
            SlaMinutes = new Dictionary<string, int>(),
            ReasonRoutes = new Dictionary<string, ReasonRoute>
            {
                ["a"] = new(RouteCeiling.Escalate, "zeta", 1),
                ["b"] = new(RouteCeiling.Escalate, "alpha", 1),
            },
        };
        Assert.Equal("alpha", Route(0.95, policy: noSla, reasons: [Reason("a"), Reason("b")]).Queue);
        Assert.Equal("alpha", Route(0.95, policy: noSla, reasons: [Reason("b"), Reason("a")]).Queue);
    }

    [Fact]
    public void An_unknown_reason_code_caps_at_review_in_the_review_queue()
    {
        var decision = Route(0.95, reasons: [Reason("triage_unavailable")]);

        Assert.Equal((TriageRoute.Review, "review", 0), (decision.Route, decision.Queue, decision.Priority));
    }

    [Fact]
    public void A_reason_a_tenant_made_informational_does_not_cap()
    {
        var policy = TriagePolicy.Default with
        {
            ReasonRoutes = new Dictionary<string, ReasonRoute>(TriagePolicy.DefaultReasonRoutes) { [ReasonCodes.MultipleIssues] = new(RouteCeiling.Auto, "review", 0) },
        };

        Assert.Equal(TriageRoute.Auto, Route(0.95, policy: policy, reasons: [Reason(ReasonCodes.MultipleIssues)]).Route);
    }

    [Fact]
    public void The_incoming_reasons_are_kept_in_order_ahead_of_the_routers_own()
    {
        var decision = Route(0.3, reasons: [Reason(ReasonCodes.OrderNotFound), Reason(ReasonCodes.MultipleIssues)]);

        Assert.Equal([ReasonCodes.OrderNotFound, ReasonCodes.MultipleIssues, ReasonCodes.LowConfidence], decision.Reasons.Select(r => r.Code));
        Assert.Equal(("escalations", TriageRoute.Escalate), (decision.Queue, decision.Route));
    }

    public static TheoryData<string> HumanOnly() => [.. IntentTaxonomy.HumanOnly];

    [Theory]
    [MemberData(nameof(HumanOnly))]
    public void A_human_only_intent_is_never_auto_even_when_the_policy_says_auto_and_no_rule_fired(string intent)
    {
        var careless = TriagePolicy.Default with
        {
            HumanOnlyIntents = [],
            AutoSendIntents = [intent],
            ReasonRoutes = new Dictionary<string, ReasonRoute> { [intent] = new(RouteCeiling.Auto, "review", 0) },
            HighThreshold = 0.1,
            MediumThreshold = 0.05,
        };

        foreach (var confidence in new[] { 1.0, 0.95, 0.5, 0.0 })
        {
            var decision = Route(confidence, intent, careless);

            Assert.NotEqual(TriageRoute.Auto, decision.Route);
            Assert.Contains(decision.Reasons, r => r.Code == intent);
        }

        var byDefault = Route(1.0, intent);
        Assert.Equal(TriageRoute.Escalate, byDefault.Route);
        Assert.Equal(TriagePolicy.DefaultReasonRoutes[intent].Queue, byDefault.Queue);
    }

    [Fact]
    public void A_tenant_added_human_only_intent_escalates_without_a_route_of_its_own()
    {
        var policy = TriagePolicy.Default with { HumanOnlyIntents = [.. IntentTaxonomy.HumanOnly, "delete_account"], AutoSendIntents = ["delete_account"] };

        var decision = Route(0.99, "delete_account", policy);

        Assert.Equal((TriageRoute.Escalate, "escalations"), (decision.Route, decision.Queue));
    }

    [Theory]
    [InlineData(DraftActions.AgentReview)]
    [InlineData(DraftActions.Handoff)]
    public void A_draft_that_says_a_person_will_follow_up_is_never_sent_on_its_own(string action)
    {
        var decision = Route(0.99, "track_refund", draft: Clean with { Action = action });

        Assert.Equal((TriageRoute.Review, "review"), (decision.Route, decision.Queue));
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal((ReasonCodes.AutoSendDisabled, "router.draft_action"), (reason.Code, reason.Rule));
    }

    [Fact]
    public void A_tenant_cannot_make_a_follow_up_promise_auto_send_by_relaxing_the_reason()
    {
        var policy = TriagePolicy.Default with
        {
            ReasonRoutes = new Dictionary<string, ReasonRoute>(TriagePolicy.DefaultReasonRoutes) { [ReasonCodes.AutoSendDisabled] = new(RouteCeiling.Auto, "review", 0) },
        };

        Assert.Equal(TriageRoute.Review, Route(0.99, "track_refund", policy, Clean with { Action = DraftActions.AgentReview }).Route);
    }
}
