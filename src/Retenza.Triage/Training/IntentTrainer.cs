using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Retenza.Triage.Intents;

namespace Retenza.Triage.Training;

/// <summary>
/// Trains an <see cref="IntentModel"/>: our n-gram features (<see cref="NgramVocabulary"/>) fed to
/// ML.NET's L-BFGS maximum-entropy (multinomial logistic regression) trainer with L1 = 0. The learnt
/// weights are then copied out, so inference needs no ML.NET pipeline and is thread-safe by construction.
/// </summary>
public static class IntentTrainer
{
    public static IntentModel Train(IReadOnlyList<LabeledText> examples, IntentTrainingOptions options, DateTimeOffset trainedAt)
    {
        if (examples.Count == 0)
        {
            throw new ArgumentException("nothing to train on", nameof(examples));
        }

        var normalized = examples.Select(e => IntentTextNormalizer.Normalize(e.Text)).ToArray();
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new ArgumentException("training needs at least two intents", nameof(examples));
        }

        var vocabulary = NgramVocabulary.Build(normalized, options.MinDocuments, options.MaxWordGrams, options.MaxCharGrams);
        var weights = ExampleWeights(examples, options);

        var rows = new List<TrainingRow>(examples.Count);
        var scratch = FeatureScratch.ForCurrentThread(vocabulary.Count);
        for (var i = 0; i < examples.Count; i++)
        {
            var count = vocabulary.Extract(IntentModel.Truncate(normalized[i]), scratch);
            var indices = scratch.Touched.AsSpan(0, count).ToArray();
            var values = scratch.Values.AsSpan(0, count).ToArray();
            Array.Sort(indices, values);
            rows.Add(new TrainingRow
            {
                Label = examples[i].Label,
                Weight = weights[i],
                Features = new VBuffer<float>(vocabulary.Count, count, values, indices),
            });
        }

        var ml = new MLContext(options.Seed);
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, vocabulary.Count);
        var data = ml.Data.LoadFromEnumerable(rows, schema);

        // Keys in the order of our sorted label list, so the trainer's class c is labels[c].
        var keyOrder = ml.Data.LoadFromEnumerable(labels.Select(label => new LabelRow { Label = label }));
        var toKey = ml.Transforms.Conversion.MapValueToKey(LabelKey, nameof(TrainingRow.Label), keyData: keyOrder);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = LabelKey,
            FeatureColumnName = nameof(TrainingRow.Features),
            ExampleWeightColumnName = nameof(TrainingRow.Weight),
            L1Regularization = 0f,
            L2Regularization = options.L2Regularization,
            MaximumNumberOfIterations = options.MaxIterations,
            NumberOfThreads = 1, // deterministic sums, and the build machine is shared
        });
        var keyed = toKey.Fit(data).Transform(data);
        var parameters = trainer.Fit(keyed).Model;

        VBuffer<float>[] classWeights = [];
        parameters.GetWeights(ref classWeights, out var classCount);
        if (classCount != labels.Length)
        {
            throw new InvalidOperationException($"the trainer produced {classCount} classes for {labels.Length} labels");
        }

        var featureMajor = new float[vocabulary.Count * labels.Length];
        for (var c = 0; c < labels.Length; c++)
        {
            foreach (var (feature, weight) in classWeights[c].Items())
            {
                featureMajor[feature * labels.Length + c] = weight;
            }
        }

        var biases = parameters.GetBiases().ToArray();
        var info = new IntentModelInfo(
            IntentModel.CurrentFormat,
            trainedAt,
            $"ML.NET LbfgsMaximumEntropy (L1=0, L2={options.L2Regularization}); word 1-2 + char {NgramVocabulary.MinCharGram}-{NgramVocabulary.MaxCharGram} grams",
            Temperature: 1.0,
            vocabulary.WordGrams.Count,
            vocabulary.CharGrams.Count,
            examples.GroupBy(e => e.Label, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
        return new IntentModel(labels, vocabulary, featureMajor, biases, info);
    }

    /// <summary>Per-example weights with mean 1 (so the L2 penalty means the same with or without balancing).</summary>
    internal static float[] ExampleWeights(IReadOnlyList<LabeledText> examples, IntentTrainingOptions options)
    {
        var weights = new float[examples.Count];
        if (!options.BalanceClasses)
        {
            Array.Fill(weights, 1f);
            return weights;
        }

        var counts = examples.GroupBy(e => e.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var sizes = counts.Where(p => p.Key != IntentTaxonomy.Other).Select(p => p.Value).Order().ToArray();
        double median = sizes.Length > 0 ? sizes[sizes.Length / 2] : counts.Values.Max();
        for (var i = 0; i < examples.Count; i++)
        {
            var label = examples[i].Label;
            var target = label == IntentTaxonomy.Other ? options.OtherWeight * median : median;
            weights[i] = (float)(target / counts[label]);
        }

        var mean = weights.Average();
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= mean;
        }

        return weights;
    }

    private const string LabelKey = "LabelKey";

    private sealed class LabelRow
    {
        public string Label { get; set; } = string.Empty;
    }

    private sealed class TrainingRow
    {
        public string Label { get; set; } = string.Empty;

        public float Weight { get; set; }

        public VBuffer<float> Features { get; set; }
    }
}
