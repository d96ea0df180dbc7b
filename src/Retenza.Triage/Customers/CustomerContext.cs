namespace Retenza.Triage.Customers;

/// <summary>
/// What the customer grain knows that matters to this message: VIP standing and earlier contacts
/// (newest first). Rules read it for repeat contact, rising frustration and VIP triggers; the
/// briefing shows it so the agent sees the story at once.
/// </summary>
public sealed record CustomerContext(
    bool Vip,
    decimal LifetimeValue,
    IReadOnlyList<PriorContact> EarlierContacts)
{
    public static readonly CustomerContext FirstContact = new(false, 0m, []);

    /// <summary>When the customer first wrote; null for a first contact.</summary>
    public DateTimeOffset? FirstContactAt { get; init; }

    /// <summary>Tickets of this customer not yet resolved, as last seen by the customer grain.</summary>
    public int OpenTickets { get; init; }

    /// <summary>Frustration across recent contacts: see <see cref="FrustrationTrend"/>.</summary>
    public string Trend { get; init; } = FrustrationTrend.Unknown;

    /// <summary>Contacts older than the kept history, counted but no longer listed one by one.</summary>
    public int SummarisedContacts { get; init; }

    /// <summary>Set by triage when the repeat-contact rule fired for this message.</summary>
    public bool RepeatContact { get; init; }

    /// <summary>The ticket this message answers, when it threads into one; null for a new ticket.</summary>
    public ThreadContext? Thread { get; init; }
}

/// <summary>One earlier contact (inbound message) of the same customer.</summary>
public sealed record PriorContact(
    string TicketId,
    DateTimeOffset At,
    string? Intent,
    string? OrderId,
    double? Sentiment,
    string? Frustration,
    string? Route,
    string? Outcome)
{
    /// <summary>The message of this contact, so the evidence can say which email it was.</summary>
    public string? MessageId { get; init; }

    /// <summary>This contact reopened a resolved or auto-replied ticket.</summary>
    public bool Reopened { get; init; }
}
