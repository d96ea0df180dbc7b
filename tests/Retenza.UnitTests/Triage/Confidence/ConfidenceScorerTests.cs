using Retenza.Triage.Confidence;
using Retenza.Triage.Drafts;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.Triage.Policy;
using Retenza.Triage.Reading;
using static Retenza.UnitTests.Triage.Rules.TriageSamples;

namespace Retenza.UnitTests.Triage.Confidence;

public sealed class ConfidenceScorerTests
{
    private static readonly LanguageGuess English = new("en", 0.98);

    private static readonly Draft Clean = new("Hi", "t", DraftActions.Information,
    [
        new DraftCheck("slots_filled", true, ""), new DraftCheck("facts_match_order", true, ""), new DraftCheck("action_allowed", true, ""),
    ]);

    private static readonly Draft OneFailed = Clean with
    {
        Checks = [new DraftCheck("slots_filled", true, ""), new DraftCheck("facts_match_order", false, "RT-1 not in order"), new DraftCheck("action_allowed", true, "")],
    };

    private static ConfidenceScore Score(
        string intent = "track_order",
        double probability = 0.95,
        OrderLookup? order = null,
        Draft? draft = null,
        bool noDraft = false,
        LanguageGuess? language = null,
        TriagePolicy? policy = null) =>
        new ConfidenceScorer().Score(new ConfidenceInput(
            Intent(intent, probability),
            language ?? English,
            order ?? Found(Snapshot()),
            noDraft ? null : draft ?? Clean,
            policy ?? TriagePolicy.Default));

    private static ConfidenceFactor Factor(ConfidenceScore score, string name) => Assert.Single(score.Breakdown, f => f.Name == name);

    [Fact]
    public void With_everything_in_place_the_score_is_the_intent_probability()
    {
        var score = Score(probability: 0.93);

        Assert.Equal(0.93, score.Score, 12);
        Assert.Equal(["intent_probability", "data_completeness", "draft_checks", "language_match"], score.Breakdown.Select(f => f.Name));
        Assert.All(score.Breakdown.Skip(1), f => Assert.Equal(1.0, f.Value));
    }

    [Fact]
    public void The_score_is_the_weighted_product_of_its_factors()
    {
        var score = Score(probability: 0.9, order: OrderLookup.None, draft: OneFailed, language: new LanguageGuess("und", 0.2));

        // 0.9 × 0.75 × (2/3)² × 0.9, written out so a change of formula is noticed.
        Assert.Equal(0.9 * 0.75 * (2.0 / 3) * (2.0 / 3) * 0.9, score.Score, 12);
        Assert.Equal(score.Breakdown.Aggregate(1.0, (p, f) => p * Math.Pow(f.Value, f.Weight)), score.Score, 12);
    }

    [Fact]
    public void An_intent_that_needs_no_order_is_complete_without_one()
    {
        var factor = Factor(Score("check_refund_policy", order: OrderLookup.None), ConfidenceScorer.DataCompleteness);

        Assert.Equal(1.0, factor.Value);
        Assert.Contains("needs no order", factor.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_needed_order_lowers_completeness_most_when_referenced_but_missing()
    {
        var complete = Factor(Score(), ConfidenceScorer.DataCompleteness).Value;
        var incomplete = Factor(Score(order: Found(Snapshot(shipments: []))), ConfidenceScorer.DataCompleteness);
        var unnamed = Factor(Score(order: OrderLookup.None), ConfidenceScorer.DataCompleteness).Value;
        var notFound = Factor(Score(order: new OrderLookup("RT-5", "text", null, null)), ConfidenceScorer.DataCompleteness);

        Assert.True(complete > incomplete.Value && incomplete.Value > unnamed && unnamed > notFound.Value);
        Assert.Contains("shipments (carrier and tracking)", incomplete.Detail, StringComparison.Ordinal);
        Assert.Contains("RT-5 was referenced but not found", notFound.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refund_question_needs_the_refund_on_the_order()
    {
        Assert.Equal(ConfidenceScorer.OrderIncomplete, Factor(Score("track_refund"), ConfidenceScorer.DataCompleteness).Value);
        Assert.Equal(1.0, Factor(Score("track_refund", order: Found(Snapshot(refund: new Refund(RefundStatus.Requested, 5m, null)))), ConfidenceScorer.DataCompleteness).Value);
    }

    [Fact]
    public void A_failed_check_caps_the_score_below_the_high_threshold_even_at_certainty()
    {
        var score = Score(probability: 1.0, draft: OneFailed with { Checks = [.. OneFailed.Checks, .. Enumerable.Repeat(new DraftCheck("extra", true, ""), 30)] });

        Assert.Equal(TriagePolicy.Default.HighThreshold - ConfidenceScorer.CapMargin, score.Score, 12);
        Assert.Contains("Capped at 0.94", Factor(score, ConfidenceScorer.DraftChecks).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cap_follows_the_per_intent_high_threshold()
    {
        var policy = TriagePolicy.Default with { IntentHighThresholds = new Dictionary<string, double> { ["track_order"] = 0.97 } };
        var manyChecks = OneFailed with { Checks = [.. OneFailed.Checks, .. Enumerable.Repeat(new DraftCheck("extra", true, ""), 99)] };

        Assert.Equal(0.96, Score(probability: 1.0, draft: manyChecks, policy: policy).Score, 12);
    }

    [Fact]
    public void No_draft_or_a_draft_without_checks_counts_as_unverified_and_is_capped()
    {
        var none = Score(probability: 1.0, noDraft: true);
        var unchecked_ = Score(probability: 1.0, draft: Clean with { Checks = [] });

        Assert.Equal(ConfidenceScorer.NoCheckedDraft * ConfidenceScorer.NoCheckedDraft, none.Score, 12);
        Assert.Equal(none.Score, unchecked_.Score, 12);
        Assert.Equal("No checked draft was written.", Factor(none, ConfidenceScorer.DraftChecks).Detail);
    }

    [Theory]
    [InlineData("en", 0.3, 1.0)]
    [InlineData("EN", 0.99, 1.0)]
    [InlineData("und", 0.0, ConfidenceScorer.LanguageUnsure)]
    [InlineData("fr", 0.5, ConfidenceScorer.LanguageUnsure)]
    [InlineData("fr", 0.95, ConfidenceScorer.LanguageUnsupported)]
    public void Language_counts_only_when_it_is_confidently_one_the_store_does_not_answer_in(string code, double confidence, double expected)
    {
        Assert.Equal(expected, Factor(Score(language: new LanguageGuess(code, confidence)), ConfidenceScorer.LanguageMatch).Value);
    }

    [Theory]
    [InlineData(double.NaN, 0.0)]
    [InlineData(-0.5, 0.0)]
    [InlineData(1.7, 1.0)]
    public void A_probability_outside_zero_to_one_is_clamped_and_nan_is_zero(double probability, double expected)
    {
        var score = Score(probability: probability);

        Assert.Equal(expected, Factor(score, ConfidenceScorer.IntentProbability).Value);
        Assert.InRange(score.Score, 0, 1);
    }

    [Fact]
    public void Random_inputs_stay_in_range_never_exceed_the_intent_probability_and_repeat_exactly()
    {
        var random = new Random(7);
        var orders = new[] { OrderLookup.None, Found(Snapshot()), Found(Snapshot(shipments: [])), new OrderLookup("RT-9", "text", null, null) };
        var drafts = new Draft?[] { Clean, OneFailed, null };
        for (var i = 0; i < 2000; i++)
        {
            var input = new ConfidenceInput(
                Intent(IntentTaxonomy.All[random.Next(IntentTaxonomy.All.Count)], random.NextDouble()),
                new LanguageGuess(random.Next(3) == 0 ? "de" : "en", random.NextDouble()),
                orders[random.Next(orders.Length)],
                drafts[random.Next(drafts.Length)],
                TriagePolicy.Default);

            var score = new ConfidenceScorer().Score(input);

            Assert.InRange(score.Score, 0, 1);
            Assert.True(score.Score <= input.Intent.Probability + 1e-12);
            var again = new ConfidenceScorer().Score(input);
            Assert.Equal(score.Score, again.Score);
            Assert.Equal(score.Breakdown, again.Breakdown);
        }
    }

    [Fact]
    public void A_worse_factor_never_raises_the_score()
    {
        Assert.True(Score(order: OrderLookup.None).Score <= Score().Score);
        Assert.True(Score(draft: OneFailed).Score <= Score().Score);
        Assert.True(Score(language: new LanguageGuess("de", 0.99)).Score <= Score().Score);
        Assert.True(Score(probability: 0.5).Score <= Score(probability: 0.6).Score);
    }
}
