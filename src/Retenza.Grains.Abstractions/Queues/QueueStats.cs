namespace Retenza.Queues;

[GenerateSerializer, Immutable, Alias("Retenza.QueueStats")]
public sealed record QueueStats(
    [property: Id(0)] int Waiting,
    [property: Id(1)] DateTimeOffset? OldestEnqueuedAt,
    [property: Id(2)] int Breached);
