using Retenza.Triage.Intents;
using Retenza.Triage.Training;
using Retenza.UnitTests.Triage.Intents;

namespace Retenza.UnitTests.Triage.Training;

/// <summary>Trains an embedding head on part of our authored examples (real MiniLM embeddings) and scores it on the rest.</summary>
public sealed class EmbeddingHeadTrainingTests
{
    private static readonly string[] Intents = ["damaged_item", "legal_threat", "return_request", "account_judgment", "chargeback_threat"];

    private static readonly IntentTrainingOptions Options = new() { MaxIterations = 200 };

    [Fact]
    public void A_head_trained_on_a_sample_recognises_unseen_examples_and_fits_a_temperature()
    {
        var rows = LabeledFile.Read(RepositoryFiles.AuthoredIntents, "text", "intent").Where(r => Intents.Contains(r.Label)).ToArray();
        var (train, test) = StratifiedSplit.Split(rows, 0.25, seed: 7);
        var encoder = SharedEncoder.Value;

        var head = EmbeddingHeadTrainer.Train(train, encoder.Embed(train.Select(r => r.Text).ToArray()), Options, DateTimeOffset.UnixEpoch, encoder.Name);
        var testEmbeddings = encoder.Embed(test.Select(r => r.Text).ToArray());
        var temperature = EmbeddingHeadTrainer.FitTemperature(head, test, testEmbeddings);
        head = head.With(head.Info with { Temperature = temperature });

        Assert.Equal(Intents.Order(StringComparer.Ordinal), head.Labels);
        Assert.InRange(temperature, 0.05, 20);
        var evaluation = new List<EvaluationRow>();
        var probabilities = new double[head.Labels.Count];
        for (var i = 0; i < test.Count; i++)
        {
            head.Score(testEmbeddings[i], probabilities);
            var best = Array.IndexOf(probabilities, probabilities.Max());
            evaluation.Add(new EvaluationRow(test[i].Label, head.Labels[best], probabilities[best]));
        }

        var report = EvaluationReport.Create(evaluation);
        Assert.True(report.Accuracy >= 0.8, $"accuracy {report.Accuracy:0.000}\n{report.ToText()}");

        // The same head against scrambled labels: the check above can fail.
        var scrambled = evaluation.Select((r, i) => r with { Gold = Intents[(Array.IndexOf(Intents, r.Gold) + 1 + i % 2) % Intents.Length] });
        Assert.True(EvaluationReport.Create(scrambled).Accuracy < 0.4);
    }

    [Fact]
    public void Training_needs_one_embedding_per_example_and_two_intents()
    {
        LabeledText[] two = [new("a", "damaged_item", "t"), new("b", "legal_threat", "t")];
        Assert.Throws<ArgumentException>(() => EmbeddingHeadTrainer.Train(two, [new float[3]], Options, DateTimeOffset.UnixEpoch, "x"));
        Assert.Throws<ArgumentException>(() => EmbeddingHeadTrainer.Train([two[0], two[0] with { Text = "c" }], [new float[3], new float[3]], Options, DateTimeOffset.UnixEpoch, "x"));
        Assert.Throws<ArgumentException>(() => EmbeddingHeadTrainer.Train(two, [new float[3], new float[4]], Options, DateTimeOffset.UnixEpoch, "x"));
    }
}
