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

    // 20–29: erasure and export reach everything (index beyond the bounded lists, linked orders).

    /// <summary>Order ids pushed with this customer's email, oldest first; bounded by <see cref="CustomerMemoryOptions.MaxOrders"/>.</summary>
    [Id(20)] public List<string> Orders { get; set; } = [];

    /// <summary>Grain ids ("tkt-…", "ord-…") that aged out of the lists and wait for a full index page (written with this state).</summary>
    [Id(21)] public List<string> IndexPending { get; set; } = [];

    /// <summary>Index pages stored (<see cref="Retenza.Customers.ICustomerIndexPageGrain"/> 0 … n-1).</summary>
    [Id(22)] public int IndexPages { get; set; }
}
