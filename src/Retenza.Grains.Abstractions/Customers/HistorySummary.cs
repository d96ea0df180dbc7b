namespace Retenza.Customers;

/// <summary>Contacts that aged out of the kept history: counted, never listed, so the grain's state stays bounded.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.HistorySummary")]
public sealed record HistorySummary(
    [property: Id(0)] int Contacts,
    [property: Id(1)] DateTimeOffset? From,
    [property: Id(2)] DateTimeOffset? Until,
    [property: Id(3)] IReadOnlyDictionary<string, int> ByIntent,
    [property: Id(4)] int Escalated,
    [property: Id(5)] int Reopened)
{
    public static readonly HistorySummary Empty = new(0, null, null, new Dictionary<string, int>(), 0, 0);
}
