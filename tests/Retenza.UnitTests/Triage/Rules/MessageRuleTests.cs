using Retenza.Triage.Intents;
using Retenza.Triage.Policy;
using Retenza.Triage.Rules;
using static Retenza.UnitTests.Triage.Rules.TriageSamples;

namespace Retenza.UnitTests.Triage.Rules;

public sealed class MessageRuleTests
{
    [Fact]
    public void A_second_issue_fires_multiple_issues_naming_both()
    {
        var prediction = Intent("get_refund", 0.8, secondary: [new IntentScore("change_shipping_address", 0.7)]);

        var reason = Assert.Single(Evaluate(Input("Refund my vase, and change my address.", prediction: prediction)));

        Assert.Equal(ReasonCodes.MultipleIssues, reason.Code);
        Assert.Equal(["main issue: get_refund", "also: change_shipping_address p=0.7"], reason.Evidence);
    }

    [Fact]
    public void A_confidently_detected_unsupported_language_fires()
    {
        var email = Email("Wo ist meine Bestellung?", language: "de", languageConfidence: 0.95);

        var reason = Assert.Single(Evaluate(Input("", email: email)));

        Assert.Equal(ReasonCodes.UnsupportedLanguage, reason.Code);
        Assert.Equal("de", reason.Inputs["language"]);
    }

    [Theory]
    [InlineData("de", 0.5)]
    [InlineData("und", 0.99)]
    [InlineData("EN", 0.99)]
    public void A_shaky_guess_undetermined_or_a_supported_language_does_not_fire(string language, double confidence)
    {
        Assert.Empty(Evaluate(Input("", email: Email("ok", language: language, languageConfidence: confidence))));
    }

    [Fact]
    public void The_policy_decides_which_languages_are_supported()
    {
        var policy = TriagePolicy.Default with { SupportedLanguages = ["en", "de"] };

        Assert.Empty(Evaluate(Input("", email: Email("Wo ist meine Bestellung?", language: "de", languageConfidence: 0.95), policy: policy)));
    }
}
