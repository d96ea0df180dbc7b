using System.Security.Cryptography;

namespace Retenza.Triage.Intents;

/// <summary>
/// The fast intent stage: the committed n-gram maximum-entropy model (see models/MODEL_CARD.md).
/// Classifies the whole text, then each clause alone to find a second, separate issue.
/// Thread-safe: the model is immutable and feature extraction uses per-thread scratch memory.
/// </summary>
public sealed class NgramIntentClassifier : IIntentClassifier
{
    public const string StageName = "ngram";

    /// <summary>How sure the model must be of a clause's intent to report it as a second issue.</summary>
    public const double SecondaryThreshold = 0.80;

    /// <summary>
    /// For a clause the customer opened with "also", "P.S." or the like, and for the clause just before
    /// it: the writer says these are two topics, so a weaker reading of which topic each is will do
    /// (addresses, names and order numbers dilute short clauses).
    /// </summary>
    public const double MarkedSecondaryThreshold = 0.50;

    public const int AlternativeCount = 3;

    private readonly IntentModel _model;

    public NgramIntentClassifier(IntentModel model, string modelVersion)
    {
        _model = model;
        ModelVersion = modelVersion;
    }

    public string ModelVersion { get; }

    public IntentModel Model => _model;

    /// <summary>Loads a model zip, or the <see cref="IntentModel.FileName"/> inside a directory.</summary>
    public static NgramIntentClassifier Load(string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, IntentModel.FileName) : path;
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"no intent model at {file} (train one with 'retenza train')", file);
        }

        var bytes = File.ReadAllBytes(file);
        using var stream = new MemoryStream(bytes, writable: false);
        var model = IntentModel.Load(stream);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..8];
        return new NgramIntentClassifier(model, $"intent-ngram-{model.Info.TrainedAt.UtcDateTime:yyyyMMdd}-{hash}");
    }

    public IntentPrediction Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<double> probabilities = stackalloc double[_model.Labels.Count];
        _model.Score(IntentTextNormalizer.Normalize(text), probabilities);
        var ranked = Rank(_model.Labels, probabilities, AlternativeCount + 1);
        var top = ranked[0];
        var secondary = SecondaryIssues(text, top.Name);
        if (top.Name == IntentTaxonomy.Other && secondary.Count > 0)
        {
            // Courtesy can outweigh the issue in the whole text ("My vase arrived broken. Also, thank you for…" reads
            // other): the issue a clause states clearly is what the email is about, read at that clause's probability.
            var issue = secondary[0];
            return new IntentPrediction(issue.Name, issue.Probability, [top, .. ranked[1..].Where(r => r.Name != issue.Name)],
                secondary.Skip(1).ToArray(), StageName);
        }

        return new IntentPrediction(top.Name, top.Probability, ranked[1..], secondary, StageName);
    }

    private IReadOnlyList<IntentScore> SecondaryIssues(string text, string main)
    {
        var clauses = ClauseSplitter.Split(text);
        if (clauses.Count < 2)
        {
            return [];
        }

        Span<double> probabilities = stackalloc double[_model.Labels.Count];
        Dictionary<string, double>? found = null;
        var opensTopic = clauses.Select(ClauseSplitter.OpensNewTopic).ToArray();
        for (var i = 0; i < clauses.Count; i++)
        {
            _model.Score(IntentTextNormalizer.Normalize(clauses[i]), probabilities);
            var best = ArgMax(probabilities);
            var intent = _model.Labels[best];
            var announced = opensTopic[i] || (i + 1 < clauses.Count && opensTopic[i + 1]);
            var threshold = announced ? MarkedSecondaryThreshold : SecondaryThreshold;
            if (probabilities[best] >= threshold && IntentFamilies.IsSeparateIssue(main, intent))
            {
                found ??= new Dictionary<string, double>(StringComparer.Ordinal);
                found[intent] = Math.Max(found.GetValueOrDefault(intent), probabilities[best]);
            }
        }

        return found is null
            ? []
            : found.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => new IntentScore(p.Key, p.Value)).ToArray();
    }

    /// <summary>The calibrated probability of every intent (in <see cref="IntentModel.Labels"/> order) for the whole text.</summary>
    public void Score(string text, Span<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(text);
        _model.Score(IntentTextNormalizer.Normalize(text), probabilities);
    }

    /// <summary>The <paramref name="count"/> most probable labels, best first.</summary>
    internal static IntentScore[] Rank(IReadOnlyList<string> labels, ReadOnlySpan<double> probabilities, int count)
    {
        count = Math.Min(count, probabilities.Length);
        var ranked = new IntentScore[count];
        Span<bool> taken = stackalloc bool[probabilities.Length];
        for (var r = 0; r < count; r++)
        {
            var best = -1;
            for (var i = 0; i < probabilities.Length; i++)
            {
                if (!taken[i] && (best < 0 || probabilities[i] > probabilities[best]))
                {
                    best = i;
                }
            }

            taken[best] = true;
            ranked[r] = new IntentScore(labels[best], probabilities[best]);
        }

        return ranked;
    }

    private static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
