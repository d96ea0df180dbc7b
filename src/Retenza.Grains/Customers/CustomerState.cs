using Retenza.Customers;

namespace Retenza.Grains.Customers;

[GenerateSerializer, Alias("Retenza.Grains.CustomerState")]
public sealed class CustomerState
{
    [Id(0)] public string Email { get; set; } = "";
    [Id(1)] public string? Name { get; set; }
    [Id(2)] public DateTimeOffset FirstContactAt { get; set; }

    /// <summary>Tickets this customer opened, oldest first; bounded by <see cref="ContactHistory.MaxTickets"/>.</summary>
    [Id(3)] public List<CustomerTicket> Tickets { get; set; } = [];

    [Id(4)] public bool Vip { get; set; }
    [Id(5)] public decimal LifetimeValue { get; set; }
    [Id(6)] public string? ExternalId { get; set; }

    /// <summary>Every contact (inbound message), oldest first; bounded by <see cref="ContactHistory.MaxContacts"/>. Also the index of routed message ids.</summary>
    [Id(7)] public List<ContactRecord> Contacts { get; set; } = [];

    /// <summary>Contacts that aged out of <see cref="Contacts"/>.</summary>
    [Id(8)] public HistorySummary Older { get; set; } = HistorySummary.Empty;

    /// <summary>Tickets that aged out of <see cref="Tickets"/> (or were erased).</summary>
    [Id(9)] public int EarlierTickets { get; set; }

    [Id(10)] public DateTimeOffset? ErasedAt { get; set; }
}
