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

    /// <summary>The message answers an existing ticket: it joined that thread (reopening it if it was closed).</summary>
    Threaded,
}

[GenerateSerializer, Immutable, Alias("Retenza.IngestResult")]
public sealed record IngestResult([property: Id(0)] IngestOutcome Outcome, [property: Id(1)] TicketSummary? Ticket)
{
    /// <summary>What the ticket read in this message, for the customer's history (not sent to the platform).</summary>
    [Id(2)]
    [System.Text.Json.Serialization.JsonIgnore]
    public Retenza.Customers.ContactRecord? Contact { get; init; }
}
