using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Retenza.Triage.Intents;

namespace Retenza.Triage.Training;

/// <summary>
/// Trains an <see cref="EmbeddingIntentHead"/>: sentence embeddings (scaled by
/// <see cref="EmbeddingIntentHead.FeatureScale"/>) fed to ML.NET's L-BFGS maximum-entropy trainer with
/// the same class balancing and L2 as the n-gram model. Temperature, band and blend weight are set by
/// the caller (<see cref="TrainingRun"/>) from held-out data.
/// </summary>
public static class EmbeddingHeadTrainer
{
    public static EmbeddingIntentHead Train(
        IReadOnlyList<LabeledText> examples,
        IReadOnlyList<float[]> embeddings,
        IntentTrainingOptions options,
        DateTimeOffset trainedAt,
        string encoder)
    {
        if (examples.Count == 0 || examples.Count != embeddings.Count)
        {
            throw new ArgumentException("need one embedding per example, and at least one example");
        }

        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new ArgumentException("training needs at least two intents", nameof(examples));
        }

        var dimensions = embeddings[0].Length;
        var weights = IntentTrainer.ExampleWeights(examples, options);
        var rows = new List<HeadRow>(examples.Count);
        for (var i = 0; i < examples.Count; i++)
        {
            if (embeddings[i].Length != dimensions)
            {
                throw new ArgumentException("embeddings differ in length", nameof(embeddings));
            }

            rows.Add(new HeadRow
            {
                Label = examples[i].Label,
                Weight = weights[i],
                Features = embeddings[i].Select(v => v * EmbeddingIntentHead.FeatureScale).ToArray(),
            });
        }

        var ml = new MLContext(options.Seed);
        var schema = SchemaDefinition.Create(typeof(HeadRow));
        schema[nameof(HeadRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimensions);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var keyOrder = ml.Data.LoadFromEnumerable(labels.Select(label => new LabelRow { Label = label }));
        var toKey = ml.Transforms.Conversion.MapValueToKey(LabelKey, nameof(HeadRow.Label), keyData: keyOrder);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = LabelKey,
            FeatureColumnName = nameof(HeadRow.Features),
            ExampleWeightColumnName = nameof(HeadRow.Weight),
            L1Regularization = 0f,
            L2Regularization = options.L2Regularization,
            MaximumNumberOfIterations = options.MaxIterations,
            NumberOfThreads = 1,
        });
        var parameters = trainer.Fit(toKey.Fit(data).Transform(data)).Model;

        VBuffer<float>[] classWeights = [];
        parameters.GetWeights(ref classWeights, out var classCount);
        if (classCount != labels.Length)
        {
            throw new InvalidOperationException($"the trainer produced {classCount} classes for {labels.Length} labels");
        }

        var intentMajor = new float[labels.Length * dimensions];
        for (var c = 0; c < labels.Length; c++)
        {
            foreach (var (feature, weight) in classWeights[c].Items())
            {
                intentMajor[c * dimensions + feature] = weight;
            }
        }

        var info = new EmbeddingHeadInfo(
            EmbeddingIntentHead.CurrentFormat,
            trainedAt,
            encoder,
            $"ML.NET LbfgsMaximumEntropy (L1=0, L2={options.L2Regularization}) over embeddings x {EmbeddingIntentHead.FeatureScale}",
            dimensions,
            Temperature: 1.0,
            Band: 0.0,
            NgramWeight: 1.0,
            examples.GroupBy(e => e.Label, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
        return new EmbeddingIntentHead(labels, intentMajor, parameters.GetBiases().ToArray(), info);
    }

    /// <summary>Fits the head's softmax temperature on held-out examples (negative log-likelihood).</summary>
    public static double FitTemperature(EmbeddingIntentHead head, IReadOnlyList<LabeledText> heldOut, IReadOnlyList<float[]> embeddings)
    {
        var index = head.Labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        var logits = new List<float[]>();
        var truth = new List<int>();
        for (var i = 0; i < heldOut.Count; i++)
        {
            if (index.TryGetValue(heldOut[i].Label, out var label))
            {
                var scores = new float[head.Labels.Count];
                head.Logits(embeddings[i], scores);
                logits.Add(scores);
                truth.Add(label);
            }
        }

        return TemperatureScaling.Fit(logits, truth);
    }

    private const string LabelKey = "LabelKey";

    private sealed class LabelRow
    {
        public string Label { get; set; } = string.Empty;
    }

    private sealed class HeadRow
    {
        public string Label { get; set; } = string.Empty;

        public float Weight { get; set; }

        public float[] Features { get; set; } = [];
    }
}
