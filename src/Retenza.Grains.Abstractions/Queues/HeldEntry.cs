namespace Retenza.Queues;

/// <summary>A claimed ticket its partition still watches: ask it at <paramref name="CheckAt"/> (lease) or <paramref name="SlaDueAt"/>.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.Grains.HeldEntry")]
public sealed record HeldEntry(
    [property: Id(0)] string TicketId,
    [property: Id(1)] DateTimeOffset CheckAt,
    [property: Id(2)] DateTimeOffset? SlaDueAt);
