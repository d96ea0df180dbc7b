using Retenza.Tickets;

namespace Retenza.Customers;

/// <summary>
/// One contact of a customer: an inbound message, the ticket it opened or joined, and what triage
/// read in it. The customer grain keeps these (bounded) as the memory behind repeat-contact,
/// frustration-trend and VIP triggers.
/// </summary>
[GenerateSerializer, Immutable, Alias("Retenza.ContactRecord")]
public sealed record ContactRecord(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string TicketId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string? Intent,
    [property: Id(4)] string? OrderId,
    [property: Id(5)] double? Sentiment,
    [property: Id(6)] string? Frustration,
    [property: Id(7)] Route? Route,
    [property: Id(8)] TicketStatus Status,
    [property: Id(9)] bool Threaded,
    [property: Id(10)] bool Reopened);
