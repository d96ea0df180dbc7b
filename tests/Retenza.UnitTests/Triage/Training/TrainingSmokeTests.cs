using Retenza.Triage.Intents;
using Retenza.Triage.Training;

namespace Retenza.UnitTests.Triage.Training;

/// <summary>Trains a small model on part of our authored examples and scores it on the rest: the whole train → evaluate path, in seconds.</summary>
public sealed class TrainingSmokeTests
{
    private static readonly string[] Intents = ["damaged_item", "legal_threat", "return_request", "account_judgment", "chargeback_threat"];

    private static readonly IntentTrainingOptions SmallModel = new() { MaxWordGrams = 3_000, MaxCharGrams = 6_000, MaxIterations = 200 };

    private static (IReadOnlyList<LabeledText> Train, IReadOnlyList<LabeledText> Test) Sample()
    {
        var rows = LabeledFile.Read(RepositoryFiles.AuthoredIntents, "text", "intent").Where(r => Intents.Contains(r.Label)).ToArray();
        return StratifiedSplit.Split(rows, 0.25, seed: 7);
    }

    [Fact]
    public void A_model_trained_on_a_sample_recognises_unseen_examples_of_the_same_intents()
    {
        var (train, test) = Sample();
        Assert.True(test.Count >= 60, $"only {test.Count} test rows");

        var model = IntentTrainer.Train(train, SmallModel, DateTimeOffset.UnixEpoch);
        var report = ModelEvaluation.Evaluate(model, test);

        Assert.Equal(Intents.Order(StringComparer.Ordinal), model.Labels);
        Assert.True(report.MacroF1 >= 0.75, $"macro-F1 {report.MacroF1:0.000} on {report.Rows} held-out rows\n{report.ToText()}");
        Assert.True(report.Accuracy >= 0.75, $"accuracy {report.Accuracy:0.000}");
        Assert.Equal(Intents.Length, report.Labels.Count(l => l.Support > 0));
    }

    [Fact]
    public void The_same_model_scores_at_chance_when_the_test_labels_are_scrambled()
    {
        // Proves the evaluation above can fail: the metric reacts to wrong answers.
        var (train, test) = Sample();
        var model = IntentTrainer.Train(train, SmallModel, DateTimeOffset.UnixEpoch);
        var scrambled = test.Select((row, i) => row with { Label = Intents[(Array.IndexOf(Intents, row.Label) + 1 + i % 2) % Intents.Length] });

        var report = ModelEvaluation.Evaluate(model, scrambled);

        Assert.True(report.Accuracy < 0.3, $"accuracy {report.Accuracy:0.000} on scrambled labels");
    }

    [Fact]
    public void A_saved_and_reloaded_model_gives_the_same_probabilities()
    {
        var (train, test) = Sample();
        var model = IntentTrainer.Train(train, SmallModel, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)).WithTemperature(1.3);
        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;
        var reloaded = IntentModel.Load(buffer);

        Assert.Equal(model.Labels, reloaded.Labels);
        Assert.Equal(model.Info.TrainedAt, reloaded.Info.TrainedAt);
        Assert.Equal(1.3, reloaded.Info.Temperature);
        var before = new double[model.Labels.Count];
        var after = new double[model.Labels.Count];
        foreach (var row in test.Take(20))
        {
            var text = IntentTextNormalizer.Normalize(row.Text);
            model.Score(text, before);
            reloaded.Score(text, after);
            for (var i = 0; i < before.Length; i++)
            {
                // Weights are stored in half precision.
                Assert.Equal(before[i], after[i], 0.01);
            }
        }
    }

    [Fact]
    public void Class_balancing_gives_every_intent_the_same_total_weight_and_keeps_the_mean_at_one()
    {
        LabeledText[] rows =
        [
            .. Enumerable.Repeat(new LabeledText("a", "track_order", "t"), 30),
            .. Enumerable.Repeat(new LabeledText("b", "fraud_claim", "t"), 10),
            .. Enumerable.Repeat(new LabeledText("c", "get_refund", "t"), 20),
            .. Enumerable.Repeat(new LabeledText("d", "other", "t"), 40),
        ];

        var weights = IntentTrainer.ExampleWeights(rows, new IntentTrainingOptions { OtherWeight = 2 });

        float Total(string label) => rows.Select((r, i) => r.Label == label ? weights[i] : 0f).Sum();
        Assert.Equal(1.0, weights.Average(), 5);
        Assert.Equal(Total("track_order"), Total("fraud_claim"), 3);
        Assert.Equal(Total("track_order"), Total("get_refund"), 3);
        Assert.Equal(2 * Total("track_order"), Total("other"), 3);
        Assert.All(IntentTrainer.ExampleWeights(rows, new IntentTrainingOptions { BalanceClasses = false }), w => Assert.Equal(1f, w));
    }

    [Fact]
    public void Training_refuses_empty_or_single_intent_data()
    {
        Assert.Throws<ArgumentException>(() => IntentTrainer.Train([], SmallModel, DateTimeOffset.UnixEpoch));
        Assert.Throws<ArgumentException>(() => IntentTrainer.Train([new LabeledText("where is it", "track_order", "t")], SmallModel, DateTimeOffset.UnixEpoch));
    }
}
