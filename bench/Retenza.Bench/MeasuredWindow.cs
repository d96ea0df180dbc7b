using System.Diagnostics;

namespace Retenza.Bench;

/// <summary>
/// A load's timeline in <see cref="Stopwatch"/> ticks: a warm-up from <see cref="Start"/>, then the measured window
/// from <see cref="MeasureStart"/> to <see cref="MeasureEnd"/>. Operations started (or scheduled) inside it count.
/// </summary>
internal readonly record struct MeasuredWindow(long Start, long MeasureStart, long MeasureEnd)
{
    public static MeasuredWindow FromNow(TimeSpan warmup, TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp();
        var measureStart = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        return new(start, measureStart, measureStart + (long)(duration.TotalSeconds * Stopwatch.Frequency));
    }

    public bool Counts(long timestamp) => timestamp >= MeasureStart && timestamp < MeasureEnd;

    /// <summary>From the window's start until <paramref name="finished"/>, when the last counted operation ended.</summary>
    public TimeSpan ElapsedUntil(long finished) => Stopwatch.GetElapsedTime(Math.Min(MeasureStart, finished), finished);
}
