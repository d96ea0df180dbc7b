namespace Retenza.Tickets;

public enum TransferOutcome
{
    Transferred,

    /// <summary>Nothing changed: a retry of the transfer just made, or the ticket is already where it was sent.</summary>
    Unchanged,

    NotFound,

    /// <summary>The calling agent does not hold the ticket.</summary>
    NotHolder,

    /// <summary>The ticket is neither claimed nor waiting in a queue (answered, resolved, auto-replied).</summary>
    NotTransferable,

    AgentNotFound,
    AgentNotSignedIn,
    AgentAtCapacity,

    /// <summary>The ticket's queue is not one of the target agent's queues.</summary>
    QueueNotCovered,
}

/// <summary>What a transfer did, and where the ticket is now.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.TransferResult")]
public sealed record TransferResult(
    [property: Id(0)] TransferOutcome Outcome,
    [property: Id(1)] string TicketId,
    [property: Id(2)] TicketStatus? Status,
    [property: Id(3)] string? Queue,
    [property: Id(4)] string? ClaimedBy,
    [property: Id(5)] string? PreviousHolder,
    [property: Id(6)] string? Detail);
