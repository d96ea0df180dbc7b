namespace Retenza.Grains.Customers;

/// <summary>Bounds of a customer's state (Retenza:CustomerMemory). Defaults suit production; tests shrink them.</summary>
public sealed class CustomerMemoryOptions
{
    public int MaxContacts { get; set; } = ContactHistory.MaxContacts;

    public int MaxTickets { get; set; } = ContactHistory.MaxTickets;

    /// <summary>Order ids kept in the customer's own state; older ones go to the index pages.</summary>
    public int MaxOrders { get; set; } = 200;

    /// <summary>Ids per index page: one extra write per this many tickets beyond <see cref="MaxTickets"/>.</summary>
    public int IndexPageSize { get; set; } = 100;
}
