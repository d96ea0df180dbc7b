using Retenza.Triage.Intents;
using Retenza.Triage.Policy;
using Retenza.Triage.Rules;
using static Retenza.UnitTests.Triage.Rules.TriageSamples;

namespace Retenza.UnitTests.Triage.Rules;

public sealed class IntentRuleTests
{
    [Theory]
    [InlineData("fraud_claim")]
    [InlineData("legal_threat")]
    [InlineData("chargeback_threat")]
    [InlineData("accessibility_complaint")]
    [InlineData("account_judgment")]
    public void A_human_only_top_intent_fires_its_own_code_even_in_words_no_phrase_rule_knows(string intent)
    {
        var reasons = Evaluate(Input("Please look at this.", intent, 0.81));

        var reason = Assert.Single(reasons);
        Assert.Equal(intent, reason.Code);
        Assert.Equal("intent." + intent, reason.Rule);
        Assert.Equal("top", reason.Inputs["source"]);
        Assert.Equal("0.81", reason.Inputs["probability"]);
        Assert.Equal("test", reason.Inputs["stage"]);
    }

    [Fact]
    public void A_strong_runner_up_that_is_human_only_fires_and_a_weak_one_does_not()
    {
        var prediction = Intent("payment_issue", 0.55, alternatives: [new IntentScore("fraud_claim", 0.30), new IntentScore("legal_threat", 0.10)]);

        var reasons = Evaluate(Input("Strange payment.", prediction: prediction));

        var reason = Assert.Single(reasons);
        Assert.Equal("fraud_claim", reason.Code);
        Assert.Equal("alternative", reason.Inputs["source"]);
    }

    [Fact]
    public void The_strong_alternative_threshold_is_inclusive()
    {
        var at = Intent("payment_issue", 0.6, alternatives: [new IntentScore("fraud_claim", IntentRules.StrongAlternativeProbability)]);
        var below = Intent("payment_issue", 0.6, alternatives: [new IntentScore("fraud_claim", IntentRules.StrongAlternativeProbability - 0.001)]);

        Assert.Contains(Evaluate(Input("x", prediction: at)), r => r.Code == "fraud_claim");
        Assert.DoesNotContain(Evaluate(Input("x", prediction: below)), r => r.Code == "fraud_claim");
    }

    [Fact]
    public void A_human_only_second_issue_fires_as_well_as_multiple_issues()
    {
        var prediction = Intent("track_order", 0.9, secondary: [new IntentScore("chargeback_threat", 0.7)]);

        var reasons = Evaluate(Input("Where is it? Also I'm unhappy about the payment.", prediction: prediction));

        Assert.Contains(reasons, r => r.Code == "chargeback_threat" && r.Inputs["source"] == "secondary issue");
        Assert.Contains(reasons, r => r.Code == ReasonCodes.MultipleIssues);
    }

    [Fact]
    public void An_intent_seen_as_top_and_runner_up_fires_once_from_the_top()
    {
        var prediction = Intent("legal_threat", 0.5, alternatives: [new IntentScore("legal_threat", 0.5)]);

        var reason = Assert.Single(Evaluate(Input("x", prediction: prediction)));

        Assert.Equal("top", reason.Inputs["source"]);
    }

    [Fact]
    public void A_tenant_may_add_a_human_only_intent_but_not_remove_specs_five()
    {
        var policy = TriagePolicy.Default with { HumanOnlyIntents = ["delete_account"] };

        Assert.Contains(Evaluate(Input("x", "delete_account", policy: policy)), r => r.Code == "delete_account" && r.Rule == "intent.delete_account");
        Assert.Contains(Evaluate(Input("x", "legal_threat", policy: policy)), r => r.Code == "legal_threat");
        Assert.Empty(Evaluate(Input("x", "delete_account")));
    }

    [Fact]
    public void Other_is_out_of_scope_only_as_the_top_intent()
    {
        var reason = Assert.Single(Evaluate(Input("What's the weather like?", IntentTaxonomy.Other, 0.7)));
        Assert.Equal(ReasonCodes.OutOfScope, reason.Code);
        Assert.Equal("intent.other", reason.Rule);

        var runnerUp = Intent("track_order", 0.6, alternatives: [new IntentScore(IntentTaxonomy.Other, 0.4)]);
        Assert.Empty(Evaluate(Input("x", prediction: runnerUp)));
    }

    [Fact]
    public void The_contact_human_agent_intent_is_a_request_for_a_human()
    {
        var reason = Assert.Single(Evaluate(Input("Could you put me in touch with your team?", "contact_human_agent")));

        Assert.Equal(ReasonCodes.HumanRequested, reason.Code);
        Assert.Equal("intent.contact_human_agent", reason.Rule);
    }

    [Fact]
    public void Classifier_and_phrase_rules_both_fire_so_either_alone_would_have_been_enough()
    {
        var reasons = Evaluate(Input("My attorney will be in touch.", "legal_threat"));

        Assert.Equal(["intent.legal_threat", "phrase.legal_threat"], reasons.Select(r => r.Rule));
        Assert.All(reasons, r => Assert.Equal(ReasonCodes.LegalThreat, r.Code));
    }

    [Fact]
    public void An_ordinary_email_fires_nothing()
    {
        Assert.Empty(Evaluate(Input("Hi, where is my parcel? Thanks!")));
    }
}
