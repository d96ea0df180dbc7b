using Retenza.Triage.Intents;
using Retenza.UnitTests.Triage.Training;

namespace Retenza.UnitTests.Triage.Intents;

/// <summary>The cascade's control flow and blend, with the committed n-gram model and a scripted second stage.</summary>
public sealed class CascadeIntentClassifierTests
{
    private static readonly Lazy<NgramIntentClassifier> Committed = new(() => NgramIntentClassifier.Load(RepositoryFiles.ModelDirectory));

    private static NgramIntentClassifier Ngram => Committed.Value;

    private static readonly string[] Emails =
    [
        "Please cancel the order I placed an hour ago, I bought the wrong one.",
        "I forgot my password and the reset link doesn't work",
        "I'd like to unsubscribe from your newsletter please",
        "refund me",
        "I need a refund for the broken mug",
        "hmm not sure this is right, can someone look at the thing",
        "the stuff i got is not what i wanted, what now",
        "what's the weather going to be like in Paris tomorrow",
    ];

    /// <summary>Puts all its probability on one intent and counts its calls; its labels are in reverse order to test alignment.</summary>
    private sealed class ScriptedSecondStage(IReadOnlyList<string> labels, string answer) : IIntentSecondStage
    {
        private int _calls;

        public int Calls => _calls;

        public string Version => "scripted-1";

        public IReadOnlyList<string> Labels { get; } = labels.Reverse().ToArray();

        public void Score(string text, Span<double> probabilities)
        {
            Interlocked.Increment(ref _calls);
            for (var i = 0; i < Labels.Count; i++)
            {
                probabilities[i] = Labels[i] == answer ? 1.0 : 0.0;
            }
        }
    }

    [Fact]
    public void The_second_stage_runs_only_below_the_band()
    {
        const double band = 0.97;
        var second = new ScriptedSecondStage(Ngram.Model.Labels, "damaged_item");
        var cascade = new CascadeIntentClassifier(Ngram, second, band, ngramWeight: 0.5);

        var below = 0;
        foreach (var email in Emails)
        {
            var first = Ngram.Classify(email);
            var callsBefore = second.Calls;
            var prediction = cascade.Classify(email);

            var uncertain = first.Probability < band;
            below += uncertain ? 1 : 0;
            Assert.Equal(uncertain ? 1 : 0, second.Calls - callsBefore);
            Assert.Equal(uncertain ? CascadeIntentClassifier.StageName : NgramIntentClassifier.StageName, prediction.Stage);
            if (!uncertain)
            {
                Assert.Equal(first.Name, prediction.Name);
                Assert.Equal(first.Probability, prediction.Probability);
                Assert.Equal(first.Alternatives, prediction.Alternatives);
            }
        }

        // Both paths were exercised, or this test proves nothing.
        Assert.InRange(below, 1, Emails.Length - 1);
    }

    [Fact]
    public void Below_the_band_the_answer_is_the_weighted_blend_and_second_issues_stay_from_the_ngram_scan()
    {
        const string email = "the stuff i got is not what i wanted, what now. also please change my delivery address to 4 Elm Road";
        var second = new ScriptedSecondStage(Ngram.Model.Labels, "wrong_item");
        var cascade = new CascadeIntentClassifier(Ngram, second, band: 1.0, ngramWeight: 0.25);
        var ngramScores = new double[Ngram.Model.Labels.Count];
        Ngram.Score(email, ngramScores);
        var first = Ngram.Classify(email);
        Assert.True(first.Probability < 1.0);

        var prediction = cascade.Classify(email);

        var wrongItem = IndexOf(Ngram.Model.Labels, "wrong_item");
        Assert.Equal("wrong_item", prediction.Name);
        Assert.Equal(0.25 * ngramScores[wrongItem] + 0.75, prediction.Probability, 12);
        Assert.Equal(CascadeIntentClassifier.StageName, prediction.Stage);
        Assert.Equal(first.Secondary, prediction.Secondary);
        Assert.Equal(NgramIntentClassifier.AlternativeCount, prediction.Alternatives.Count);
        foreach (var alternative in prediction.Alternatives)
        {
            Assert.Equal(0.25 * ngramScores[IndexOf(Ngram.Model.Labels, alternative.Name)], alternative.Probability, 12);
        }
    }

    [Fact]
    public void Blend_mixes_two_distributions_through_the_label_map()
    {
        double[] first = [0.7, 0.2, 0.1];
        double[] second = [0.6, 0.0, 0.4]; // labels in another order: first's label i is second's label map[i]
        int[] map = [2, 0, 1];
        var result = new double[3];

        CascadeIntentClassifier.Blend(first, second, map, 0.5, result);
        Assert.Equal([0.5 * 0.7 + 0.5 * 0.4, 0.5 * 0.2 + 0.5 * 0.6, 0.5 * 0.1 + 0.5 * 0.0], result);
        Assert.Equal(1.0, result.Sum(), 12);

        CascadeIntentClassifier.Blend(first, second, map, 1.0, result);
        Assert.Equal(first, result);

        CascadeIntentClassifier.Blend(first, second, map, 0.0, result);
        Assert.Equal([0.4, 0.6, 0.0], result);
    }

    [Fact]
    public void The_version_names_both_stages()
    {
        var cascade = new CascadeIntentClassifier(Ngram, new ScriptedSecondStage(Ngram.Model.Labels, "other"), 0.9, 0.5);

        Assert.Equal($"{Ngram.ModelVersion}+scripted-1", cascade.ModelVersion);
    }

    [Fact]
    public void Stages_that_know_different_intents_or_settings_out_of_range_are_rejected()
    {
        var fewer = new ScriptedSecondStage(Ngram.Model.Labels.Skip(1).ToArray(), "other");
        Assert.Throws<InvalidDataException>(() => new CascadeIntentClassifier(Ngram, fewer, 0.9, 0.5));

        var renamed = new ScriptedSecondStage([.. Ngram.Model.Labels.Skip(1), "not_an_intent"], "other");
        Assert.Throws<InvalidDataException>(() => new CascadeIntentClassifier(Ngram, renamed, 0.9, 0.5));

        var same = new ScriptedSecondStage(Ngram.Model.Labels, "other");
        Assert.Throws<ArgumentOutOfRangeException>(() => new CascadeIntentClassifier(Ngram, same, 1.5, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CascadeIntentClassifier(Ngram, same, 0.9, -0.1));
    }

    [Fact]
    public void Concurrent_calls_agree_with_sequential_ones()
    {
        var second = new ScriptedSecondStage(Ngram.Model.Labels, "complaint");
        var cascade = new CascadeIntentClassifier(Ngram, second, 0.97, 0.5);
        var expected = Emails.Select(e => cascade.Classify(e).Name).ToArray();

        var results = new string[Emails.Length * 50];
        Parallel.For(0, results.Length, i => results[i] = cascade.Classify(Emails[i % Emails.Length]).Name);

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % Emails.Length], results[i]);
        }
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label) => labels.Select((l, i) => (l, i)).Single(p => p.l == label).i;
}
