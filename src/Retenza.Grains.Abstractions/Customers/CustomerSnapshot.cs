namespace Retenza.Customers;

[GenerateSerializer, Immutable, Alias("Retenza.CustomerSnapshot")]
public sealed record CustomerSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string? Name,
    [property: Id(3)] DateTimeOffset FirstContactAt,
    [property: Id(4)] IReadOnlyList<CustomerTicket> Tickets)
{
    /// <summary>The platform's explicit flag; <see cref="IsVip"/> also counts lifetime value.</summary>
    [Id(5)]
    public bool Vip { get; init; }

    [Id(6)]
    public decimal LifetimeValue { get; init; }

    [Id(7)]
    public string? ExternalId { get; init; }

    /// <summary>The explicit flag, or lifetime value at or above the tenant policy's VIP amount.</summary>
    [Id(8)]
    public bool IsVip { get; init; }

    /// <summary>Kept contacts, oldest first.</summary>
    [Id(9)]
    public IReadOnlyList<ContactRecord> Contacts { get; init; } = [];

    /// <summary>Contacts older than those listed.</summary>
    [Id(10)]
    public HistorySummary Older { get; init; } = HistorySummary.Empty;

    [Id(11)]
    public int OpenTickets { get; init; }

    /// <summary>Frustration across recent contacts: rising, falling, steady or unknown.</summary>
    [Id(12)]
    public string Trend { get; init; } = "unknown";

    /// <summary>Personal data was erased on request; counts remain.</summary>
    [Id(13)]
    public DateTimeOffset? ErasedAt { get; init; }

    /// <summary>Tickets older than those listed (or erased), counted only.</summary>
    [Id(14)]
    public int EarlierTickets { get; init; }

    /// <summary>Orders pushed with this customer's email (kept ones; export lists them all).</summary>
    [Id(15)]
    public IReadOnlyList<string> Orders { get; init; } = [];

    /// <summary>Tickets and orders beyond the kept lists, held in index pages for erasure and export.</summary>
    [Id(16)]
    public int Indexed { get; init; }
}
