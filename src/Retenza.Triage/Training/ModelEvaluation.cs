using Retenza.Triage.Intents;

namespace Retenza.Triage.Training;

/// <summary>Runs a model over labelled examples (whole text, as <see cref="IntentModel.Score"/> reads it).</summary>
public static class ModelEvaluation
{
    public static IReadOnlyList<EvaluationRow> Predict(IntentModel model, IEnumerable<LabeledText> examples)
    {
        var probabilities = new double[model.Labels.Count];
        var rows = new List<EvaluationRow>();
        foreach (var example in examples)
        {
            model.Score(IntentTextNormalizer.Normalize(example.Text), probabilities);
            var best = 0;
            for (var i = 1; i < probabilities.Length; i++)
            {
                if (probabilities[i] > probabilities[best])
                {
                    best = i;
                }
            }

            rows.Add(new EvaluationRow(example.Label, model.Labels[best], probabilities[best]));
        }

        return rows;
    }

    /// <summary>Runs any classifier (e.g. the cascade) over labelled examples, exactly as triage calls it.</summary>
    public static IReadOnlyList<EvaluationRow> Predict(IIntentClassifier classifier, IEnumerable<LabeledText> examples) =>
        examples.Select(e =>
        {
            var prediction = classifier.Classify(e.Text);
            return new EvaluationRow(e.Label, prediction.Name, prediction.Probability);
        }).ToArray();

    public static EvaluationReport Evaluate(IntentModel model, IEnumerable<LabeledText> examples, double autoThreshold = EvaluationReport.DefaultAutoThreshold) =>
        EvaluationReport.Create(Predict(model, examples), autoThreshold);

    /// <summary>Fits the model's softmax temperature on held-out examples whose labels the model knows.</summary>
    public static double FitTemperature(IntentModel model, IEnumerable<LabeledText> heldOut)
    {
        var index = model.Labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        var logits = new List<float[]>();
        var truth = new List<int>();
        var buffer = new float[model.ScoreWidth];
        foreach (var example in heldOut)
        {
            if (!index.TryGetValue(example.Label, out var label))
            {
                continue;
            }

            model.Logits(IntentTextNormalizer.Normalize(example.Text), buffer);
            logits.Add(buffer[..model.Labels.Count]);
            truth.Add(label);
        }

        return TemperatureScaling.Fit(logits, truth);
    }
}
