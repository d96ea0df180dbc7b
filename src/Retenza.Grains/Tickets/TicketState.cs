using Retenza.Messages;
using Retenza.Outcomes;
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
    // 40–59: agent workflow (queues, claims, outcomes); see TicketGrain.Claims.cs.

    /// <summary>When the ticket first entered a queue: its age in the queue counts from here, across releases.</summary>
    [Id(40)] public DateTimeOffset? QueuedAt { get; set; }

    /// <summary>First-response due time from the policy's SlaMinutes for the queue; null when the queue has no target.</summary>
    [Id(41)] public DateTimeOffset? SlaDueAt { get; set; }

    [Id(42)] public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>The latest agent reply measured against the AI draft.</summary>
    [Id(43)] public DraftOutcome? Outcome { get; set; }

    [Id(44)] public TicketFeedback? Feedback { get; set; }

    /// <summary>Who held the ticket last (ClaimedBy clears on resolve): the one who may give feedback.</summary>
    [Id(45)] public string? LastClaimedBy { get; set; }

    /// <summary>When the first-response SLA was found breached (priority was raised then, once).</summary>
    [Id(46)] public DateTimeOffset? SlaBreachedAt { get; set; }

    // 60–69: transfers and claim leases on the ticket; see TicketGrain.Transfer.cs and TicketGrain.Lease.cs.

    /// <summary>
    /// Until when the current claim is known to be watched by its holder's session; past it the ticket
    /// asks that session and, unconfirmed, treats the claim as expired. Written with the claim.
    /// </summary>
    [Id(60)] public DateTimeOffset? ClaimLeaseUntil { get; set; }
}
