namespace Retenza.Triage.Customers;

/// <summary>
/// What the customer grain knows that matters to this message: VIP standing and earlier contacts
/// (newest first). Rules read it for repeat contact, rising frustration and VIP triggers.
/// </summary>
public sealed record CustomerContext(
    bool Vip,
    decimal LifetimeValue,
    IReadOnlyList<PriorContact> EarlierContacts)
{
    public static readonly CustomerContext FirstContact = new(false, 0m, []);
}

/// <summary>One earlier ticket of the same customer.</summary>
public sealed record PriorContact(
    string TicketId,
    DateTimeOffset At,
    string? Intent,
    string? OrderId,
    double? Sentiment,
    string? Frustration,
    string? Route,
    string? Outcome);
