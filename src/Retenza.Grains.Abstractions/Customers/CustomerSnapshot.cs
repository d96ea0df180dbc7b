namespace Retenza.Customers;

[GenerateSerializer, Immutable, Alias("Retenza.CustomerSnapshot")]
public sealed record CustomerSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string? Name,
    [property: Id(3)] DateTimeOffset FirstContactAt,
    [property: Id(4)] IReadOnlyList<CustomerTicket> Tickets);
