using Retenza.Messages;

namespace Retenza.Tickets;

/// <summary>Everything a ticket holds, as read by the API and, later, the agent briefing.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.TicketSnapshot")]
public sealed record TicketSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] TicketStatus Status,
    [property: Id(3)] Route? Route,
    [property: Id(4)] string? Queue,
    [property: Id(5)] int Priority,
    [property: Id(6)] string? ClaimedBy,
    [property: Id(7)] IReadOnlyList<Reason> Reasons,
    [property: Id(8)] Assessment? Assessment,
    [property: Id(9)] IReadOnlyList<ThreadMessage> Messages,
    [property: Id(10)] IReadOnlyList<AuditEntry> Audit,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DateTimeOffset UpdatedAt)
{
    /// <summary>Assessments of earlier customer messages on the thread, oldest first (at most 10; issue 4 uses ids 20-39).</summary>
    [Id(20)]
    public IReadOnlyList<Assessment> EarlierAssessments { get; init; } = [];
}
