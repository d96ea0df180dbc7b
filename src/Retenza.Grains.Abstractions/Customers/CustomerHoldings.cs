namespace Retenza.Customers;

/// <summary>Every ticket and order a customer is linked to, beyond the bounded history: what erasure and export reach.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.CustomerHoldings")]
public sealed record CustomerHoldings(
    [property: Id(0)] IReadOnlyList<string> TicketIds,
    [property: Id(1)] IReadOnlyList<string> OrderIds);
