using Retenza.Tickets;

namespace Retenza.Grains.Tickets;

/// <summary>Who may transfer a ticket and what counts as a retry of a transfer; the ticket grain applies them.</summary>
public static class TransferRules
{
    /// <summary>Agents transfer only what they hold; an admin, any ticket that is claimed or waiting. Null: allowed.</summary>
    public static TransferOutcome? Refusal(TicketStatus status, string? claimedBy, string actor, bool asAdmin)
    {
        var claimed = status == TicketStatus.Claimed;
        if (!asAdmin)
        {
            return claimed && claimedBy == actor ? null : TransferOutcome.NotHolder;
        }

        return claimed || status is TicketStatus.AwaitingReview or TicketStatus.Escalated ? null : TransferOutcome.NotTransferable;
    }

    /// <summary>
    /// The transfer recorded by <paramref name="last"/> when it is this very transfer (same caller, target
    /// and note) and nothing happened since: a retry, to be answered without a second entry. Else null.
    /// </summary>
    public static TransferDetails? RetryOf(AuditEntry? last, string actor, string? queue, string? agentId, string note) =>
        last is { Transfer: { } t } && last.Actor == actor && last.Note == note && t.ToAgent == agentId && (agentId is not null || t.ToQueue == queue)
            ? t
            : null;

    /// <summary>An agent takes a transferred claim only in a queue of their profile.</summary>
    public static bool Covers(IReadOnlyList<string> agentQueues, string? queue) => queue is not null && agentQueues.Contains(queue);
}
