using Retenza.Queues;

namespace Retenza.Grains.Queues;

/// <summary>One page of a queue partition's entries: its own storage row (state "queue-page").</summary>
[GenerateSerializer, Alias("Retenza.Grains.QueuePageState")]
public sealed class QueuePageState
{
    [Id(0)] public List<QueueEntry> Entries { get; set; } = [];
}
