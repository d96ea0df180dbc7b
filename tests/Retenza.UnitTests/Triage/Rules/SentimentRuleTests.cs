using Retenza.Triage.Customers;
using Retenza.Triage.Policy;
using Retenza.Triage.Rules;
using Retenza.Triage.Sentiment;
using static Retenza.UnitTests.Triage.Rules.TriageSamples;

namespace Retenza.UnitTests.Triage.Rules;

public sealed class SentimentRuleTests
{
    private static readonly SentimentReading Furious = new(-0.9, FrustrationLevel.High, ["THIRD TIME", "still waiting"]);
    private static readonly SentimentReading Annoyed = new(-0.4, FrustrationLevel.Medium, ["annoyed"]);

    [Fact]
    public void High_frustration_fires_with_the_analyzers_evidence()
    {
        var reason = Assert.Single(Evaluate(Input("x", sentiment: Furious)));

        Assert.Equal(ReasonCodes.HighFrustration, reason.Code);
        Assert.Equal(["THIRD TIME", "still waiting"], reason.Evidence);
        Assert.Equal("high", reason.Inputs["threshold"]);
    }

    [Fact]
    public void Medium_frustration_fires_only_when_the_policy_threshold_is_medium()
    {
        Assert.Empty(Evaluate(Input("x", sentiment: Annoyed)));
        Assert.Contains(Evaluate(Input("x", sentiment: Annoyed, policy: TriagePolicy.Default with { FrustrationThreshold = "MEDIUM" })), r => r.Code == ReasonCodes.HighFrustration);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("")]
    [InlineData("7")]
    public void An_unreadable_threshold_means_high_not_never(string threshold)
    {
        var policy = TriagePolicy.Default with { FrustrationThreshold = threshold };

        Assert.Contains(Evaluate(Input("x", sentiment: Furious, policy: policy)), r => r.Code == ReasonCodes.HighFrustration);
        Assert.Empty(Evaluate(Input("x", sentiment: Annoyed, policy: policy)));
    }

    [Fact]
    public void A_flagged_vip_with_negative_sentiment_fires()
    {
        var reason = Assert.Single(Evaluate(Input("x", sentiment: Annoyed, customer: new CustomerContext(true, 10m, []))));

        Assert.Equal(ReasonCodes.VipNegative, reason.Code);
        Assert.Equal("customer is flagged VIP", reason.Evidence[0]);
    }

    [Fact]
    public void Lifetime_value_at_the_policy_amount_makes_a_vip()
    {
        var reason = Assert.Single(Evaluate(Input("x", sentiment: new SentimentReading(-0.3, FrustrationLevel.Low, []), customer: new CustomerContext(false, 5000m, []))));

        Assert.Equal(ReasonCodes.VipNegative, reason.Code);
        Assert.Equal("lifetime value 5000.00 ≥ 5000.00", reason.Evidence[0]);
    }

    [Fact]
    public void A_happy_vip_or_an_unhappy_regular_customer_does_not_fire_vip_negative()
    {
        Assert.Empty(Evaluate(Input("x", sentiment: Calm, customer: new CustomerContext(true, 9000m, []))));
        Assert.Empty(Evaluate(Input("x", sentiment: Annoyed, customer: new CustomerContext(false, 4999.99m, []))));
    }

    [Fact]
    public void A_neutral_score_with_no_frustration_is_not_negative()
    {
        Assert.Empty(Evaluate(Input("x", sentiment: new SentimentReading(-0.04, FrustrationLevel.Low, []), customer: new CustomerContext(true, 0m, []))));
        Assert.Single(Evaluate(Input("x", sentiment: new SentimentReading(SentimentRules.NegativeScore, FrustrationLevel.None, []), customer: new CustomerContext(true, 0m, []))));
    }
}
