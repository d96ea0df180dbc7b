namespace Retenza.Triage;

public sealed record TriageRequest(
    string Tenant,
    string MessageId,
    string FromEmail,
    string Subject,
    string Text,
    string? OrderId,
    DateTimeOffset ReceivedAt);
