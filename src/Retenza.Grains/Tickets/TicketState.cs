using Retenza.Messages;
using Retenza.Tickets;

namespace Retenza.Grains.Tickets;

[GenerateSerializer, Alias("Retenza.Grains.TicketState")]
public sealed class TicketState
{
    [Id(0)] public string CustomerId { get; set; } = "";
    [Id(1)] public TicketStatus Status { get; set; }
    [Id(2)] public Assessment? Assessment { get; set; }
    [Id(3)] public string? Queue { get; set; }
    [Id(4)] public int Priority { get; set; }
    [Id(5)] public string? ClaimedBy { get; set; }
    [Id(6)] public List<ThreadMessage> Messages { get; set; } = [];
    [Id(7)] public List<AuditEntry> Audit { get; set; } = [];
    [Id(8)] public DateTimeOffset CreatedAt { get; set; }
    [Id(9)] public DateTimeOffset UpdatedAt { get; set; }

    // Issue 4 (threading, reopen, erasure) uses ids 20-39.

    /// <summary>Assessments of earlier messages on the thread, newest last, bounded (TicketGrain.Thread).</summary>
    [Id(20)] public List<Assessment> EarlierAssessments { get; set; } = [];

    /// <summary>When the customer's personal data was erased from this ticket.</summary>
    [Id(21)] public DateTimeOffset? ErasedAt { get; set; }
}
