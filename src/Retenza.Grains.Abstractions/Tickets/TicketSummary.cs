namespace Retenza.Tickets;

/// <summary>What ingest answers with: enough for the platform to act, small enough for the hot path.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.TicketSummary")]
public sealed record TicketSummary(
    [property: Id(0)] string TicketId,
    [property: Id(1)] TicketStatus Status,
    [property: Id(2)] Route? Route,
    [property: Id(3)] string? Queue);
