namespace Retenza.Queues;

public enum QueueWatchState
{
    /// <summary>The ticket is no longer this queue's business (answered, resolved, moved to another queue, unknown).</summary>
    Gone,

    /// <summary>Waiting to be claimed: <see cref="QueueWatch.Entry"/> is its current entry.</summary>
    Waiting,

    /// <summary>Claimed under a live lease: ask again at <see cref="QueueWatch.CheckAt"/> (or at <see cref="QueueWatch.SlaDueAt"/>).</summary>
    Held,
}

/// <summary>A ticket's answer to its queue partition's sweep.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.QueueWatch")]
public sealed record QueueWatch(
    [property: Id(0)] QueueWatchState State,
    [property: Id(1)] QueueEntry? Entry,
    [property: Id(2)] DateTimeOffset? CheckAt,
    [property: Id(3)] DateTimeOffset? SlaDueAt)
{
    public static readonly QueueWatch Gone = new(QueueWatchState.Gone, null, null, null);
}
