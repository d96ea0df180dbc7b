namespace Retenza.Triage.Intents;

/// <summary>
/// Two-stage intent classification: the n-gram model answers alone when its top probability is at
/// least <see cref="Band"/>; below that (the uncertain band) the slower second stage also scores the
/// text and the answer is the blend <c>w·p_ngram + (1 − w)·p_second</c> of the two calibrated
/// distributions. Second issues always come from the n-gram clause scan (cheap, and clauses are short).
/// Thread-safe when both stages are.
/// </summary>
public sealed class CascadeIntentClassifier : IIntentClassifier
{
    public const string StageName = "cascade";

    private readonly NgramIntentClassifier _ngram;
    private readonly IIntentSecondStage _second;
    private readonly int[] _secondIndex;

    public CascadeIntentClassifier(NgramIntentClassifier ngram, IIntentSecondStage second, double band, double ngramWeight)
    {
        if (band is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(band), band, "the band is a probability");
        }

        if (ngramWeight is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ngramWeight), ngramWeight, "the n-gram weight is between 0 and 1");
        }

        _ngram = ngram;
        _second = second;
        Band = band;
        NgramWeight = ngramWeight;

        // Align the second stage's label order to the n-gram model's; both must know the same intents.
        var labels = ngram.Model.Labels;
        var positions = second.Labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        if (positions.Count != labels.Count || labels.Any(l => !positions.ContainsKey(l)))
        {
            throw new InvalidDataException("the two intent stages were trained on different intents; retrain both with 'retenza train'");
        }

        _secondIndex = labels.Select(l => positions[l]).ToArray();
        ModelVersion = $"{ngram.ModelVersion}+{second.Version}";
    }

    public string ModelVersion { get; }

    /// <summary>The n-gram top probability below which the second stage is consulted.</summary>
    public double Band { get; }

    /// <summary>Weight of the n-gram distribution in the blend (the second stage gets the rest).</summary>
    public double NgramWeight { get; }

    public IntentPrediction Classify(string text)
    {
        var first = _ngram.Classify(text);
        if (first.Probability >= Band)
        {
            return first;
        }

        var count = _ngram.Model.Labels.Count;
        Span<double> ngram = stackalloc double[count];
        Span<double> second = stackalloc double[count];
        Span<double> blended = stackalloc double[count];
        _ngram.Score(text, ngram);
        _second.Score(text, second);
        Blend(ngram, second, _secondIndex, NgramWeight, blended);

        var ranked = NgramIntentClassifier.Rank(_ngram.Model.Labels, blended, NgramIntentClassifier.AlternativeCount + 1);
        return new IntentPrediction(ranked[0].Name, ranked[0].Probability, ranked[1..], first.Secondary, StageName);
    }

    /// <summary>
    /// <c>result[i] = w·first[i] + (1 − w)·second[secondIndex[i]]</c>: a mixture of two distributions is a
    /// distribution, and where the stages agree it keeps their confidence, where they disagree it lowers it.
    /// </summary>
    public static void Blend(ReadOnlySpan<double> first, ReadOnlySpan<double> second, ReadOnlySpan<int> secondIndex, double firstWeight, Span<double> result)
    {
        for (var i = 0; i < first.Length; i++)
        {
            result[i] = firstWeight * first[i] + (1 - firstWeight) * second[secondIndex[i]];
        }
    }
}
