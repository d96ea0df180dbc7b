namespace Retenza.Tickets;

/// <summary>The lifecycle of SPEC §3; the legal moves between these live in TicketLifecycle.</summary>
[GenerateSerializer, Alias("Retenza.TicketStatus")]
public enum TicketStatus
{
    Received,
    Triaged,
    AutoReplied,
    AwaitingReview,
    Escalated,
    Claimed,
    Replied,
    Resolved,
    Reopened,
}
