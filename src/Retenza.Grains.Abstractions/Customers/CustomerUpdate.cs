namespace Retenza.Customers;

/// <summary>What the platform knows about a customer (PUT /v1/customers/by-email/{email}); null leaves a field as it is.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.CustomerUpdate")]
public sealed record CustomerUpdate(
    [property: Id(0)] string Email,
    [property: Id(1)] string? Name,
    [property: Id(2)] bool? Vip,
    [property: Id(3)] decimal? LifetimeValue,
    [property: Id(4)] string? ExternalId);

[GenerateSerializer, Immutable, Alias("Retenza.CustomerUpdateResult")]
public sealed record CustomerUpdateResult([property: Id(0)] bool Created, [property: Id(1)] CustomerSnapshot Customer);
