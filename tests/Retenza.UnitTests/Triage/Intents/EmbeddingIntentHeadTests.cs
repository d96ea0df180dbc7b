using Retenza.Triage.Intents;

namespace Retenza.UnitTests.Triage.Intents;

/// <summary>The head's arithmetic and file format, with small hand-made weights.</summary>
public sealed class EmbeddingIntentHeadTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("retenza-head-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static EmbeddingIntentHead Head(double temperature = 1.0) => new(
        ["a", "b", "c"],
        [1, 0, 0, 0, 1, 0, 0, 0, 1],
        [0f, 0f, 0.5f],
        new EmbeddingHeadInfo(EmbeddingIntentHead.CurrentFormat, new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), "test", "hand-made", 3, temperature, 0.97, 0.5, new Dictionary<string, int> { ["a"] = 1 }));

    [Fact]
    public void Scores_are_a_temperature_scaled_softmax_of_scaled_dot_products_plus_bias()
    {
        float[] embedding = [0.6f, 0.8f, 0f];
        var probabilities = new double[3];

        Head(temperature: 2).Score(embedding, probabilities);

        double[] logits = [EmbeddingIntentHead.FeatureScale * 0.6, EmbeddingIntentHead.FeatureScale * 0.8, 0.5];
        var exp = logits.Select(l => Math.Exp(l / 2)).ToArray();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(exp[i] / exp.Sum(), probabilities[i], 5);
        }
    }

    [Fact]
    public void A_saved_head_loads_with_the_same_scores_and_settings()
    {
        var path = Path.Combine(_directory, EmbeddingIntentHead.FileName);
        var head = Head(temperature: 1.3);
        head.Save(path);

        var loaded = EmbeddingIntentHead.Load(path);

        Assert.Equal(head.Labels, loaded.Labels);
        Assert.Equal(head.Info with { TrainingExamples = loaded.Info.TrainingExamples }, loaded.Info);
        Assert.Equal(1, loaded.Info.TrainingExamples["a"]);
        float[] embedding = [0.1f, -0.2f, 0.97f];
        double[] before = new double[3], after = new double[3];
        head.Score(embedding, before);
        loaded.Score(embedding, after);
        Assert.Equal(before, after);
    }

    [Fact]
    public void Mismatched_sizes_and_unknown_formats_are_rejected()
    {
        var info = Head().Info;
        Assert.Throws<InvalidDataException>(() => new EmbeddingIntentHead(["a", "b"], [1, 2, 3], [0, 0], info));
        Assert.Throws<ArgumentException>(() => Head().Score(new float[2], new double[3]));

        var path = Path.Combine(_directory, "future.zip");
        new EmbeddingIntentHead(Head().Labels, [1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 0, 0], info with { Format = 99 }).Save(path);
        Assert.Throws<InvalidDataException>(() => EmbeddingIntentHead.Load(path));
    }
}
