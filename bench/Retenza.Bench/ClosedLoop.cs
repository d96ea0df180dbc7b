using System.Diagnostics;

namespace Retenza.Bench;

/// <summary>What one operation of a closed loop reported: success, or the label its failure is counted under.</summary>
internal readonly record struct Outcome(string? Error)
{
    public static readonly Outcome Ok = new((string?)null);

    public bool IsOk => Error is null;
}

/// <summary>The figures of one measured window.</summary>
internal sealed record LoadResult(
    long Succeeded,
    TimeSpan Elapsed,
    double[] LatenciesMs,
    IReadOnlyDictionary<string, long> Errors)
{
    public double PerSecond => Elapsed.TotalSeconds > 0 ? Succeeded / Elapsed.TotalSeconds : 0;

    public long Failed => Errors.Values.Sum();

    /// <summary>Nearest-rank percentile of the successful operations' latencies (NaN when none succeeded).</summary>
    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * LatenciesMs.Length);
        return LatenciesMs[Math.Clamp(rank - 1, 0, LatenciesMs.Length - 1)];
    }

    public double MaxMs => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[^1];

    /// <summary>Per second of the whole run (warm-up included), when the load keeps one (the open loop does).</summary>
    public IReadOnlyList<TimelineSecond> Timeline { get; init; } = [];
}

/// <summary>
/// A closed-loop load: <c>concurrency</c> workers each run the operation back to back, first for the warm-up
/// (nothing recorded), then for the measured window. An operation counts when it started inside the window;
/// the elapsed time runs from the window's start until the last of those finished, so in-flight work at the end
/// is neither lost nor credited to a shorter window.
/// </summary>
internal static class ClosedLoop
{
    /// <param name="operation">Called with the worker index and that worker's sequence number.</param>
    public static async Task<LoadResult> RunAsync(
        int concurrency,
        TimeSpan warmup,
        TimeSpan duration,
        Func<int, long, Task<Outcome>> operation)
    {
        var window = MeasuredWindow.FromNow(warmup, duration);
        var workers = Enumerable.Range(0, concurrency)
            .Select(worker => Task.Run(() => WorkerAsync(worker, window, operation)))
            .ToArray();
        var results = await Task.WhenAll(workers);
        var finished = Stopwatch.GetTimestamp();

        var latencies = results.SelectMany(r => r.Latencies).ToArray();
        Array.Sort(latencies);
        var errors = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (label, count) in results.SelectMany(r => r.Errors))
        {
            errors[label] = errors.GetValueOrDefault(label) + count;
        }

        return new LoadResult(results.Sum(r => r.Succeeded), window.ElapsedUntil(finished), latencies, errors);
    }

    private static async Task<WorkerResult> WorkerAsync(
        int worker, MeasuredWindow window, Func<int, long, Task<Outcome>> operation)
    {
        var result = new WorkerResult();
        for (long sequence = 0; ; sequence++)
        {
            var started = Stopwatch.GetTimestamp();
            if (started >= window.MeasureEnd)
            {
                return result;
            }

            Outcome outcome;
            try
            {
                outcome = await operation(worker, sequence);
            }
            catch (Exception e)
            {
                outcome = new Outcome(e is TaskCanceledException ? "timeout" : e.GetType().Name);
            }

            var latencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var measured = window.Counts(started);
            if (outcome.IsOk)
            {
                if (measured)
                {
                    result.Succeeded++;
                    result.Latencies.Add(latencyMs);
                }
            }
            else
            {
                if (measured)
                {
                    result.Errors[outcome.Error!] = result.Errors.GetValueOrDefault(outcome.Error!) + 1;
                }

                // A failing target answers fast: don't spin a core on it.
                await Task.Delay(10);
            }
        }
    }

    private sealed class WorkerResult
    {
        public long Succeeded;
        public List<double> Latencies { get; } = new(capacity: 4096);
        public Dictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);
    }
}
