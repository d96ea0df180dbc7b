using Retenza.Queues;

namespace Retenza.Grains.Queues;

[GenerateSerializer, Alias("Retenza.Grains.QueuePartitionState")]
public sealed class QueuePartitionState
{
    [Id(0)] public List<QueueEntry> Entries { get; set; } = [];

    /// <summary>Claimed tickets still watched for their lease and SLA (QueuePartitionGrain.Held.cs).</summary>
    [Id(1)] public List<HeldEntry> Held { get; set; } = [];
}
