namespace Retenza.Bench;

/// <summary>One second of a run, by scheduled start: how many operations, how many failed, and the slowest.</summary>
internal readonly record struct TimelineSecond(int Second, int Operations, int Failed, double MaxMs);

/// <summary>
/// The slowest operation of each second of a run, by when it was scheduled: shows whether a tail comes from a few
/// stalls (a garbage collection, a checkpoint) or from a backlog that never drains, which percentiles cannot tell.
/// </summary>
internal sealed class Timeline(TimeSpan length)
{
    private readonly int[] _operations = new int[SlotsFor(length)];
    private readonly int[] _failed = new int[SlotsFor(length)];
    private readonly double[] _maxMs = new double[SlotsFor(length)];

    // One slot per started second, and one for operations scheduled in the run's last instant.
    private static int SlotsFor(TimeSpan length) => (int)Math.Ceiling(length.TotalSeconds) + 1;

    public void Add(TimeSpan scheduledAt, double latencyMs, bool succeeded)
    {
        var second = Math.Clamp((int)scheduledAt.TotalSeconds, 0, _operations.Length - 1);
        lock (_operations)
        {
            _operations[second]++;
            _failed[second] += succeeded ? 0 : 1;
            _maxMs[second] = Math.Max(_maxMs[second], latencyMs);
        }
    }

    public IReadOnlyList<TimelineSecond> Seconds
    {
        get
        {
            lock (_operations)
            {
                return [.. Enumerable.Range(0, _operations.Length).Where(s => _operations[s] > 0).Select(s => new TimelineSecond(s, _operations[s], _failed[s], _maxMs[s]))];
            }
        }
    }
}
