namespace Retenza.Tickets;

[GenerateSerializer, Alias("Retenza.IngestOutcome")]
public enum IngestOutcome
{
    /// <summary>A new ticket was opened.</summary>
    Created,

    /// <summary>The message was seen before: nothing changed, the existing ticket is returned.</summary>
    Replayed,

    /// <summary>The message id is already used by a different sender; nothing changed.</summary>
    Conflict,
}

[GenerateSerializer, Immutable, Alias("Retenza.IngestResult")]
public sealed record IngestResult([property: Id(0)] IngestOutcome Outcome, [property: Id(1)] TicketSummary? Ticket);
