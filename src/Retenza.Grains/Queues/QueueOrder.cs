using Retenza.Queues;

namespace Retenza.Grains.Queues;

/// <summary>SPEC §2 queue order: higher priority first, then earlier SLA due time (none last), then older, then id (a total order).</summary>
public sealed class QueueOrder : IComparer<QueueEntry?>
{
    public static readonly QueueOrder Instance = new();

    public int Compare(QueueEntry? x, QueueEntry? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var byPriority = y.Priority.CompareTo(x.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var bySla = (x.SlaDueAt ?? DateTimeOffset.MaxValue).CompareTo(y.SlaDueAt ?? DateTimeOffset.MaxValue);
        if (bySla != 0)
        {
            return bySla;
        }

        var byAge = x.EnqueuedAt.CompareTo(y.EnqueuedAt);
        return byAge != 0 ? byAge : string.CompareOrdinal(x.TicketId, y.TicketId);
    }
}
