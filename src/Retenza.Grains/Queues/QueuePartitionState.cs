using Retenza.Queues;

namespace Retenza.Grains.Queues;

/// <summary>The partition's header row: which pages hold its entries (see <see cref="QueuePages"/>).</summary>
[GenerateSerializer, Alias("Retenza.Grains.QueuePartitionState")]
public sealed class QueuePartitionState
{
    /// <summary>The whole index in one row, as stored before paging; moved onto pages at activation.</summary>
    [Id(0)] public List<QueueEntry> Entries { get; set; } = [];

    /// <summary>Claimed tickets still watched for their lease and SLA (QueuePartitionGrain.Held.cs).</summary>
    [Id(1)] public List<HeldEntry> Held { get; set; } = [];

    /// <summary>Pages that may hold entries.</summary>
    [Id(2)] public List<int> Pages { get; set; } = [];

    /// <summary>The next unused page number: page rows are never reused, so a write never meets an old row's ETag.</summary>
    [Id(3)] public int NextPage { get; set; }

    /// <summary>The former partitions that map here have handed their tickets over (QueuePartitionGrain.Former.cs).</summary>
    [Id(4)] public bool FormerPartitionsAbsorbed { get; set; }
}
