using System.Diagnostics;
using Retenza.Triage.Intents;

namespace Retenza.Triage.Training;

/// <summary>
/// The second half of <c>retenza train</c>: trains the embedding head on the same pool as the n-gram
/// model, fits its temperature and chooses the cascade's band and blend weight on the held-out fifth of
/// our authored examples (neither stage's calibration fit saw it; the noisy set plays no part), then
/// scores the cascade on the same unseen sets as the n-gram model and times it.
/// </summary>
public static class CascadeTraining
{
    public static readonly IReadOnlyList<double> Bands = [0.80, 0.90, 0.95, 0.97, 0.99, 0.995, 1.0];
    public static readonly IReadOnlyList<double> NgramWeights = [0.0, 0.25, 0.5, 0.75];

    /// <summary>A lower band may cost at most this much validation accuracy against consulting the head always.</summary>
    public const double AccuracyTolerance = 0.005;

    /// <summary>Emails per part of the latency mix (our noisy set, Bitext held-out, CLINC150 val: a third each).</summary>
    public const int MixPart = 286;

    public sealed record Input(
        IReadOnlyList<LabeledText> CalibrationPool,
        IReadOnlyList<LabeledText> Validation,
        IntentModel CalibrationNgram,
        IReadOnlyList<LabeledText> Pool,
        string NgramModelPath,
        IReadOnlyList<(string Name, IReadOnlyList<LabeledText> Rows, int Dropped)> Evaluations,
        IntentTrainingOptions Options,
        DateTimeOffset TrainedAt,
        string OutputDirectory,
        int Seed);

    public static CascadeOutcome Run(Input input, TextWriter log)
    {
        using var encoder = new MiniLmSentenceEmbedder(threads: Math.Max(1, Environment.ProcessorCount));
        var cache = new CachingEmbedder(encoder, log);
        cache.Warm([.. input.Pool.Select(e => e.Text), .. input.Validation.Select(e => e.Text), .. input.Evaluations.SelectMany(e => e.Rows).Select(e => e.Text)]);

        log.WriteLine($"embedding head: fitting the temperature without {input.Validation.Count} authored examples");
        var calibrationHead = EmbeddingHeadTrainer.Train(input.CalibrationPool, cache.Embed(Texts(input.CalibrationPool)), input.Options, input.TrainedAt, cache.Name);
        var validationEmbeddings = cache.Embed(Texts(input.Validation));
        var temperature = EmbeddingHeadTrainer.FitTemperature(calibrationHead, input.Validation, validationEmbeddings);
        calibrationHead = calibrationHead.With(calibrationHead.Info with { Temperature = temperature });
        log.WriteLine($"embedding head temperature {temperature:0.000}");

        var candidates = Candidates(input.CalibrationNgram, calibrationHead, input.Validation, validationEmbeddings);
        var chosen = candidates.Single(c => c.Chosen);
        log.WriteLine($"cascade: band {chosen.Band:0.###}, n-gram weight {chosen.NgramWeight:0.##} (validation accuracy {chosen.Accuracy:0.0000}, second stage {chosen.SecondStageShare:P0})");

        log.WriteLine("training the final embedding head");
        var head = EmbeddingHeadTrainer.Train(input.Pool, cache.Embed(Texts(input.Pool)), input.Options, input.TrainedAt, cache.Name);
        head = head.With(head.Info with { Temperature = temperature, Band = chosen.Band, NgramWeight = chosen.NgramWeight });
        var headPath = Path.Combine(input.OutputDirectory, EmbeddingIntentHead.FileName);
        head.Save(headPath);

        var ngram = NgramIntentClassifier.Load(input.NgramModelPath);
        var stage = EmbeddingIntentStage.Load(headPath, cache);
        var cascade = new CascadeIntentClassifier(ngram, stage, chosen.Band, chosen.NgramWeight);
        log.WriteLine($"wrote {headPath} ({new FileInfo(headPath).Length / 1024} KiB), cascade version {cascade.ModelVersion}");

        var headAlone = input.Evaluations.Select(set => new EvaluationSet(
            set.Name, EvaluationReport.Create(PredictHead(stage, set.Rows)), set.Dropped)).ToArray();
        var evaluations = input.Evaluations.Select(set => new EvaluationSet(
            set.Name, EvaluationReport.Create(ModelEvaluation.Predict(cascade, set.Rows)), set.Dropped)).ToArray();

        // Timing with the production set-up: a fresh single-threaded encoder, nothing cached.
        var loading = Stopwatch.GetTimestamp();
        using var productionEncoder = new MiniLmSentenceEmbedder(threads: 1);
        var timedCascade = new CascadeIntentClassifier(NgramIntentClassifier.Load(input.NgramModelPath), EmbeddingIntentStage.Load(headPath, productionEncoder), chosen.Band, chosen.NgramWeight);
        var loadMilliseconds = Stopwatch.GetElapsedTime(loading).TotalMilliseconds;
        var mix = Mix(input.Evaluations, input.Seed);
        var sets = input.Evaluations.Select(e => (e.Name, Texts(e.Rows))).Append(("realistic mix (equal parts of each set above)", mix)).ToArray();
        log.WriteLine("timing the n-gram stage and the cascade");
        var ngramLatency = sets.Select(s => LatencySummary.Measure(s.Item1, ngram, s.Item2)).ToArray();
        var cascadeLatency = sets.Select(s => LatencySummary.Measure(s.Item1, timedCascade, s.Item2)).ToArray();

        return new CascadeOutcome(
            cascade.ModelVersion,
            headPath,
            new FileInfo(headPath).Length,
            head.Info,
            input.Validation.Count,
            candidates,
            headAlone,
            evaluations,
            ngramLatency,
            cascadeLatency,
            loadMilliseconds);
    }

    /// <summary>Scores every (band, weight) setting on the validation rows and marks the chosen one.</summary>
    internal static IReadOnlyList<CascadeCandidate> Candidates(
        IntentModel ngram, EmbeddingIntentHead head, IReadOnlyList<LabeledText> validation, IReadOnlyList<float[]> embeddings)
    {
        var labels = ngram.Labels;
        var headIndex = labels.Select(l => IndexOf(head.Labels, l)).ToArray();
        if (headIndex.Any(i => i < 0))
        {
            throw new InvalidDataException("the head lacks intents the n-gram model knows");
        }

        var rows = new List<(int Gold, double[] Ngram, double[] Head)>();
        for (var i = 0; i < validation.Count; i++)
        {
            var gold = IndexOf(labels, validation[i].Label);
            if (gold < 0)
            {
                continue;
            }

            var n = new double[labels.Count];
            var h = new double[head.Labels.Count];
            ngram.Score(IntentTextNormalizer.Normalize(validation[i].Text), n);
            head.Score(embeddings[i], h);
            rows.Add((gold, n, h));
        }

        var other = IndexOf(labels, IntentTaxonomy.Other);
        var scored = new List<CascadeCandidate>();
        foreach (var weight in NgramWeights)
        {
            foreach (var band in Bands)
            {
                int correct = 0, second = 0, auto = 0, autoWrong = 0;
                var nll = 0.0;
                var blended = new double[labels.Count];
                foreach (var (gold, n, h) in rows)
                {
                    var p = n;
                    if (n.Max() < band)
                    {
                        CascadeIntentClassifier.Blend(n, h, headIndex, weight, blended);
                        p = blended;
                        second++;
                    }

                    var best = Array.IndexOf(p, p.Max());
                    correct += best == gold ? 1 : 0;
                    nll -= Math.Log(Math.Max(p[gold], 1e-12));
                    if (best != other && p[best] >= EvaluationReport.DefaultAutoThreshold)
                    {
                        auto++;
                        autoWrong += best == gold ? 0 : 1;
                    }
                }

                var count = Math.Max(1, rows.Count);
                scored.Add(new CascadeCandidate(band, weight, (double)correct / count, nll / count, (double)second / count, auto, autoWrong, false));
            }
        }

        // The weight: best when the head is always consulted. The band: the lowest one that gives up
        // almost no accuracy and no auto-eligible precision against always consulting it (cost grows with the band).
        var always = scored.Where(c => c.Band >= 1.0)
            .OrderByDescending(c => c.Accuracy).ThenBy(c => c.NegativeLogLikelihood).ThenByDescending(c => c.NgramWeight).First();
        var chosen = scored
            .Where(c => c.NgramWeight == always.NgramWeight
                        && c.Accuracy >= always.Accuracy - AccuracyTolerance
                        && c.AutoEligibleWrong <= always.AutoEligibleWrong)
            .OrderBy(c => c.Band)
            .First();
        return scored.Select(c => c == chosen ? c with { Chosen = true } : c).ToArray();
    }

    private static List<EvaluationRow> PredictHead(EmbeddingIntentStage stage, IEnumerable<LabeledText> rows)
    {
        var result = new List<EvaluationRow>();
        var probabilities = new double[stage.Labels.Count];
        foreach (var row in rows)
        {
            stage.Score(row.Text, probabilities);
            var best = Array.IndexOf(probabilities, probabilities.Max());
            result.Add(new EvaluationRow(row.Label, stage.Labels[best], probabilities[best]));
        }

        return result;
    }

    private static string[] Mix(IReadOnlyList<(string Name, IReadOnlyList<LabeledText> Rows, int Dropped)> evaluations, int seed)
    {
        var random = new Random(seed);
        var mix = new List<string>();
        foreach (var set in evaluations)
        {
            var texts = Texts(set.Rows);
            random.Shuffle(texts);
            mix.AddRange(texts.Take(MixPart));
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(mix));
        return [.. mix];
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == label)
            {
                return i;
            }
        }

        return -1;
    }

    private static string[] Texts(IEnumerable<LabeledText> rows) => rows.Select(r => r.Text).ToArray();
}
