using Orleans.Concurrency;

namespace Retenza.Queues;

/// <summary>
/// One partition of a tenant's queue, keyed "tenant/que-&lt;queue&gt;-&lt;n&gt;": an ordered index of waiting
/// tickets (priority, then SLA due time, then age). The ticket grain is the truth; an entry is a
/// hint that a claim double-checks, so a stale entry is harmless and dropped on sight.
/// </summary>
[Alias("Retenza.IQueuePartitionGrain")]
public interface IQueuePartitionGrain : IGrainWithStringKey
{
    /// <summary>Adds or updates the ticket's entry (idempotent: an identical entry writes nothing).</summary>
    [Alias("Put")]
    Task Put(QueueEntry entry);

    [Alias("Remove")]
    Task Remove(string ticketId);

    /// <summary>The best entry, or null when empty.</summary>
    [Alias("Head"), ReadOnly]
    Task<QueueEntry?> Head();

    /// <summary>Removes and returns the best entry (null when empty): concurrent claimers each get a different one.</summary>
    [Alias("TakeHead")]
    Task<QueueEntry?> TakeHead();

    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<QueueEntry>> List(int limit);

    [Alias("Stats"), ReadOnly]
    Task<QueueStats> Stats(DateTimeOffset now);

    /// <summary>
    /// The sweep: asks waiting and held tickets whose SLA due time passed (each ticket raises its priority
    /// and audits sla_breached once) and held tickets whose lease passed (an unconfirmed claim goes back to
    /// the queue), and re-orders; what the partition's durable reminder runs. Returns how many it asked.
    /// Interleaves, because the tickets it asks may be calling this partition.
    /// </summary>
    [Alias("CheckSla"), AlwaysInterleave]
    Task<int> CheckSla();

    /// <summary>
    /// The ticket was claimed: it leaves the waiting list but stays watched (lease at <paramref name="checkAt"/>,
    /// SLA at <paramref name="slaDueAt"/>) until it answers the sweep that it is no longer this queue's.
    /// </summary>
    [Alias("Hold")]
    Task Hold(string ticketId, DateTimeOffset? slaDueAt, DateTimeOffset checkAt);

    /// <summary>
    /// A former partition's tickets (see <see cref="QueueKeys.FormerPartitions"/>), for the current partition that
    /// takes them over; they stay here until <see cref="Retire"/>, so a crash in between loses none.
    /// </summary>
    [Alias("HandOver"), ReadOnly]
    Task<QueueHandover> HandOver();

    /// <summary>The former partition's tickets are stored by their current partition: it forgets them and stops its sweep.</summary>
    [Alias("Retire")]
    Task Retire();
}
