using System.Collections.Concurrent;
using System.Diagnostics;

namespace Retenza.Bench;

/// <summary>
/// An open-loop load: operations start on a fixed schedule, <c>rate</c> per second, whether or not earlier ones have
/// answered, as mail arrives at a real service. Latency runs from each operation's scheduled start, so a backlog shows
/// in the percentiles instead of slowing the load down (a closed loop would hide it: coordinated omission). An
/// operation counts when it was scheduled inside the measured window; the elapsed time runs from the window's start
/// until the last of those finished.
/// </summary>
internal static class OpenLoop
{
    /// <param name="lanes">How many operations' (worker, sequence) pairs are spread over, for unique message ids.</param>
    public static async Task<LoadResult> RunAsync(
        double rate,
        int lanes,
        TimeSpan warmup,
        TimeSpan duration,
        Func<int, long, Task<Outcome>> operation)
    {
        var window = MeasuredWindow.FromNow(warmup, duration);
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var running = new List<Task>();
        var timeline = new Timeline(warmup + duration);
        long succeeded = 0;

        for (long next = 0; ;)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= window.MeasureEnd)
            {
                break;
            }

            // Start everything due by now (the timer wakes about once a millisecond).
            var due = (long)((now - window.Start) / (double)Stopwatch.Frequency * rate);
            for (; next <= due; next++)
            {
                var scheduled = window.Start + (long)(next / rate * Stopwatch.Frequency);
                running.Add(RunOne(next, scheduled));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(running);
        var finished = Stopwatch.GetTimestamp();
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        return new LoadResult(succeeded, window.ElapsedUntil(finished), sorted,
            new SortedDictionary<string, long>(errors, StringComparer.Ordinal)) { Timeline = timeline.Seconds };

        async Task RunOne(long index, long scheduled)
        {
            await Task.Yield(); // the scheduler loop goes on at once
            Outcome outcome;
            try
            {
                outcome = await operation((int)(index % lanes), index / lanes);
            }
            catch (Exception e)
            {
                outcome = new Outcome(e is TaskCanceledException ? "timeout" : e.GetType().Name);
            }

            var latencyMs = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
            timeline.Add(Stopwatch.GetElapsedTime(window.Start, scheduled), latencyMs, outcome.IsOk);
            if (!window.Counts(scheduled))
            {
                return;
            }

            if (outcome.IsOk)
            {
                Interlocked.Increment(ref succeeded);
                latencies.Add(latencyMs);
            }
            else
            {
                errors.AddOrUpdate(outcome.Error!, 1, (_, count) => count + 1);
            }
        }
    }
}
