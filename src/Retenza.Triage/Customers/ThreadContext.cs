namespace Retenza.Triage.Customers;

/// <summary>
/// The existing ticket a message answers. Re-triage reads it: a reply after an automatic answer
/// tells whether that answer worked, and a reply that names no order is about the thread's order.
/// </summary>
public sealed record ThreadContext(
    string TicketId,
    string PreviousStatus,
    int Messages,
    string? Intent,
    string? OrderId)
{
    /// <summary>The last automatic reply on the thread, when the ticket was auto-replied.</summary>
    public string? AutoReplyMessageId { get; init; }

    public DateTimeOffset? AutoRepliedAt { get; init; }

    /// <summary>The customer's earlier messages on the thread (oldest first), so the briefing and rules see the whole story.</summary>
    public IReadOnlyList<string> EarlierCustomerText { get; init; } = [];
}
