namespace Retenza.Tickets;

/// <summary>One transition of a ticket. The trail is append-only: nothing is ever removed.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] TicketStatus? From,
    [property: Id(3)] TicketStatus To,
    [property: Id(4)] IReadOnlyList<string> ReasonCodes,
    [property: Id(5)] string? PolicyVersion,
    [property: Id(6)] string? Note)
{
    /// <summary>Set on transfers only (reason code <c>transferred</c>): queues and holders before and after.</summary>
    [Id(60)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public TransferDetails? Transfer { get; init; }
}
