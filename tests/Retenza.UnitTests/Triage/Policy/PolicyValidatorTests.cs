using Retenza.Triage.Policy;

namespace Retenza.UnitTests.Triage.Policy;

public sealed class PolicyValidatorTests
{
    [Fact]
    public void The_default_policy_is_valid() => Assert.Empty(PolicyValidator.Validate(TriagePolicy.Default));

    [Fact]
    public void The_default_policy_routes_every_human_only_reason_to_a_human()
    {
        // Regression: a static-initialisation order bug once left the default table null.
        var routes = TriagePolicy.Default.ReasonRoutes;
        Assert.NotNull(routes);
        Assert.All(TriagePolicy.Default.HumanOnlyIntents, intent => Assert.Equal(RouteCeiling.Escalate, routes[intent].Ceiling));
        Assert.Equal("risk", routes["legal_threat"].Queue);
        Assert.Equal("escalations", routes["accessibility_complaint"].Queue);
    }

    [Fact]
    public void Thresholds_must_be_probabilities_in_order()
    {
        var errors = PolicyValidator.Validate(TriagePolicy.Default with { HighThreshold = 0.5, MediumThreshold = 0.7 });
        Assert.Contains(errors, e => e.Contains("mediumThreshold must not exceed highThreshold"));

        errors = PolicyValidator.Validate(TriagePolicy.Default with { HighThreshold = 1.2 });
        Assert.Contains(errors, e => e.StartsWith("highThreshold must be between 0 and 1"));

        errors = PolicyValidator.Validate(TriagePolicy.Default with { MediumThreshold = double.NaN });
        Assert.Contains(errors, e => e.StartsWith("mediumThreshold"));
    }

    [Fact]
    public void A_human_only_intent_can_never_be_auto_sent()
    {
        var errors = PolicyValidator.Validate(TriagePolicy.Default with { AutoSendIntents = ["track_order", "legal_threat"] });
        Assert.Contains(errors, e => e.Contains("'legal_threat' is a human-only intent"));
    }

    [Fact]
    public void Human_only_intents_cannot_be_dropped_from_the_policy()
    {
        var errors = PolicyValidator.Validate(TriagePolicy.Default with { HumanOnlyIntents = ["fraud_claim"] });
        Assert.Contains(errors, e => e.Contains("must include 'legal_threat'"));
    }

    [Fact]
    public void Unknown_intents_are_named()
    {
        var errors = PolicyValidator.Validate(TriagePolicy.Default with
        {
            IntentHighThresholds = new Dictionary<string, double> { ["track_ordr"] = 0.95 },
            Templates = new Dictionary<string, string> { ["refund_plz"] = "Hi" },
        });
        Assert.Contains(errors, e => e.Contains("unknown intent 'track_ordr'"));
        Assert.Contains(errors, e => e.Contains("unknown intent 'refund_plz'"));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = PolicyValidator.Validate(TriagePolicy.Default with
        {
            RepeatContactWindowDays = 0,
            RepeatContactCount = 0,
            FrustrationThreshold = "furious",
            HighValueAmount = 0,
            HomeCountry = "usa",
            SupportedLanguages = [],
            OrderReferencePattern = "RT-(\\d+",
            SlaMinutes = new Dictionary<string, int> { ["Bad Queue"] = 0 },
            ReasonRoutes = new Dictionary<string, ReasonRoute> { ["legal_threat"] = new(RouteCeiling.Escalate, "", 3) },
        });

        Assert.Contains(errors, e => e.StartsWith("repeatContactWindowDays"));
        Assert.Contains(errors, e => e.StartsWith("repeatContactCount"));
        Assert.Contains(errors, e => e.StartsWith("frustrationThreshold"));
        Assert.Contains(errors, e => e.StartsWith("highValueAmount"));
        Assert.Contains(errors, e => e.StartsWith("homeCountry"));
        Assert.Contains(errors, e => e.StartsWith("supportedLanguages"));
        Assert.Contains(errors, e => e.StartsWith("orderReferencePattern is not a valid regular expression"));
        Assert.Contains(errors, e => e.Contains("'Bad Queue' is not a valid queue name"));
        Assert.Contains(errors, e => e.StartsWith("slaMinutes.Bad Queue must be between"));
        Assert.Contains(errors, e => e.StartsWith("reasonRoutes.legal_threat.queue"));
    }

    [Theory]
    [InlineData("low")]
    [InlineData("Medium")]
    [InlineData("high")]
    public void Frustration_threshold_accepts_the_levels(string level) =>
        Assert.Empty(PolicyValidator.Validate(TriagePolicy.Default with { FrustrationThreshold = level }));

    [Fact]
    public void Frustration_threshold_none_would_escalate_everything_and_is_refused() =>
        Assert.NotEmpty(PolicyValidator.Validate(TriagePolicy.Default with { FrustrationThreshold = "none" }));
}
