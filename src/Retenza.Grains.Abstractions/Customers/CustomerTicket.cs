namespace Retenza.Customers;

[GenerateSerializer, Immutable, Alias("Retenza.CustomerTicket")]
public sealed record CustomerTicket(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string MessageId,
    [property: Id(2)] string Subject,
    [property: Id(3)] string? OrderId,
    [property: Id(4)] DateTimeOffset OpenedAt);
