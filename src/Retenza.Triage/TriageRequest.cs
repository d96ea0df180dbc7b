using Retenza.Triage.Customers;
using Retenza.Triage.Orders;
using Retenza.Triage.Policy;
using Retenza.Triage.Reading;

namespace Retenza.Triage;

/// <summary>One inbound message and the context the caller (ticket grain or preview) supplies.</summary>
public sealed record TriageRequest(
    string Tenant,
    string MessageId,
    string FromEmail,
    string Subject,
    string Text,
    string? OrderId,
    DateTimeOffset ReceivedAt)
{
    public string? FromName { get; init; }

    public string? Html { get; init; }

    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    public CustomerContext Customer { get; init; } = CustomerContext.FirstContact;

    public TriagePolicy Policy { get; init; } = TriagePolicy.Default;

    public IOrderSource Orders { get; init; } = NoOrders.Instance;
}
