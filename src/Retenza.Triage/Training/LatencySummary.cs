using System.Diagnostics;
using Retenza.Triage.Intents;

namespace Retenza.Triage.Training;

/// <summary>Wall-clock cost of <see cref="IIntentClassifier.Classify"/> per email, one email at a time on one thread.</summary>
public sealed record LatencySummary(string Name, int Emails, double MeanMicroseconds, double P50Microseconds, double P99Microseconds, double SecondStageShare)
{
    public static LatencySummary Measure(string name, IIntentClassifier classifier, IReadOnlyList<string> texts)
    {
        foreach (var text in texts.Take(20))
        {
            classifier.Classify(text); // JIT and ONNX warm-up
        }

        var micros = new double[texts.Count];
        var second = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var prediction = classifier.Classify(texts[i]);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (prediction.Stage == CascadeIntentClassifier.StageName)
            {
                second++;
            }
        }

        Array.Sort(micros);
        return new LatencySummary(
            name,
            texts.Count,
            micros.Length == 0 ? 0 : micros.Average(),
            Percentile(micros, 0.50),
            Percentile(micros, 0.99),
            texts.Count == 0 ? 0 : (double)second / texts.Count);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
