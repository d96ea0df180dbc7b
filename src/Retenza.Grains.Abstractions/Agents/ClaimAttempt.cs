using Retenza.Tickets;

namespace Retenza.Agents;

public enum ClaimAttemptOutcome
{
    Claimed,

    /// <summary>Nothing waiting in the agent's queues.</summary>
    QueueEmpty,

    /// <summary>The agent already holds as many tickets as their capacity allows.</summary>
    AtCapacity,

    NotSignedIn,

    /// <summary>Someone else holds it, or it is not waiting in a queue (answered, resolved, auto-replied).</summary>
    NotClaimable,

    NotFound,
}

/// <summary>The answer to a claim: small on purpose, claim-next is a hot path (the briefing is a separate read).</summary>
[GenerateSerializer, Immutable, Alias("Retenza.ClaimAttempt")]
public sealed record ClaimAttempt(
    [property: Id(0)] ClaimAttemptOutcome Outcome,
    [property: Id(1)] string? TicketId,
    [property: Id(2)] string? Queue,
    [property: Id(3)] string? ClaimedBy,
    [property: Id(4)] TicketStatus? Status,
    [property: Id(5)] string? Detail);
