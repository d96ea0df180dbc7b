using Retenza.Queues;

namespace Retenza.Grains.Queues;

[GenerateSerializer, Alias("Retenza.Grains.QueuePartitionState")]
public sealed class QueuePartitionState
{
    [Id(0)] public List<QueueEntry> Entries { get; set; } = [];
}
