using Retenza.Outcomes;

namespace Retenza.Tickets;

public enum AgentReplyRefusal
{
    None,
    NotFound,

    /// <summary>The caller does not hold the ticket (someone else does, or nobody).</summary>
    NotClaimer,
}

/// <summary>What an agent's reply did: the message sent (our Message-ID), the outcome, where the ticket is now.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.AgentReply")]
public sealed record AgentReply(
    [property: Id(0)] AgentReplyRefusal Refusal,
    [property: Id(1)] string TicketId,
    [property: Id(2)] TicketStatus? Status,
    [property: Id(3)] string? MessageId,
    [property: Id(4)] DraftOutcome? Outcome,
    [property: Id(5)] string? ClaimedBy);
