namespace Retenza.Queues;

/// <summary>What a former partition holds (see <see cref="QueueKeys.FormerPartitions"/>): its waiting and its held tickets.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.QueueHandover")]
public sealed record QueueHandover(
    [property: Id(0)] IReadOnlyList<QueueEntry> Waiting,
    [property: Id(1)] IReadOnlyList<HeldEntry> Held);
