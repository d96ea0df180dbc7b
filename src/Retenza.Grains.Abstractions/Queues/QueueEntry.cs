namespace Retenza.Queues;

/// <summary>What a queue partition keeps per waiting ticket: just enough to order and list it.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.QueueEntry")]
public sealed record QueueEntry(
    [property: Id(0)] string TicketId,
    [property: Id(1)] int Priority,
    [property: Id(2)] DateTimeOffset? SlaDueAt,
    [property: Id(3)] DateTimeOffset EnqueuedAt,
    [property: Id(4)] string Summary);
