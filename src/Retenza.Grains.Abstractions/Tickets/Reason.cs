namespace Retenza.Tickets;

/// <summary>Why a ticket was routed as it was: auditable data, not prose.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.Reason")]
public sealed record Reason(
    [property: Id(0)] string Code,
    [property: Id(1)] string Rule,
    [property: Id(2)] string Detail,
    [property: Id(3)] IReadOnlyList<string> Evidence,
    [property: Id(4)] IReadOnlyDictionary<string, string> Inputs);
