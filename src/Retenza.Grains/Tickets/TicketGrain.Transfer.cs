using Retenza.Tickets;
using Retenza.Triage.Rules;

namespace Retenza.Grains.Tickets;

/// <summary>
/// Transfers with a note: to another queue (the ticket waits there, unclaimed) or to another agent (the
/// claim moves, its lease starts anew). By the holder, or by an admin for a claimed or waiting ticket.
/// A retry of the transfer just made (same caller, target and note, nothing since) changes nothing.
/// </summary>
public sealed partial class TicketGrain
{
    public const string TransferredCode = "transferred";

    public async Task<TransferResult> TransferToQueue(string actor, bool asAdmin, string queue, string note)
    {
        if (!Stored.RecordExists)
        {
            return Transfer(TransferOutcome.NotFound, null, "No such ticket.");
        }

        if (IsRetryOf(actor, queue, null, note) is { } retried)
        {
            return Transfer(TransferOutcome.Unchanged, retried.FromAgent, "This transfer was already made.");
        }

        if (RefuseTransfer(actor, asAdmin) is { } refused)
        {
            return refused;
        }

        var holder = Ticket.ClaimedBy;
        var from = Ticket.Queue;
        if (holder is null && from == queue)
        {
            return Transfer(TransferOutcome.Unchanged, null, $"The ticket already waits in '{queue}'.");
        }

        var now = time.GetUtcNow();
        AddTransfer(holder is null ? Ticket.Status : WaitingStatus(), actor, note, new TransferDetails(from, queue, holder, null), now);
        Ticket.Queue = queue;
        ClearHolder();

        // The new queue learns it before the ticket is written (a stale entry is harmless, a missing one strands).
        // The first-response due time stays: it counts from when the ticket first waited for a human.
        await EnterQueue(now);
        await Persist();
        if (from is not null && from != queue)
        {
            // Tidiness: the old partition would also drop it at its next sweep, as no longer its queue's.
            await Partition(from).Remove(Key.Id);
        }

        return Transfer(TransferOutcome.Transferred, holder, null);
    }

    public async Task<TransferResult> TransferToAgent(string actor, bool asAdmin, string agentId, IReadOnlyList<string> agentQueues, string note)
    {
        if (!Stored.RecordExists)
        {
            return Transfer(TransferOutcome.NotFound, null, "No such ticket.");
        }

        if (IsRetryOf(actor, null, agentId, note) is { } retried)
        {
            return Transfer(TransferOutcome.Unchanged, retried.FromAgent, "This transfer was already made.");
        }

        if (RefuseTransfer(actor, asAdmin) is { } refused)
        {
            return refused;
        }

        var holder = Ticket.ClaimedBy;
        if (holder == agentId)
        {
            return Transfer(TransferOutcome.Unchanged, holder, $"'{agentId}' already holds the ticket.");
        }

        if (!TransferRules.Covers(agentQueues, Ticket.Queue))
        {
            return Transfer(TransferOutcome.QueueNotCovered, holder,
                $"The ticket waits in '{Ticket.Queue}', which is not one of {agentId}'s queues ({string.Join(", ", agentQueues)}); transfer it to that queue instead.");
        }

        var now = time.GetUtcNow();
        var queue = Ticket.Queue;
        AddTransfer(TicketStatus.Claimed, actor, note, new TransferDetails(queue, queue, holder, agentId), now);
        SetHolder(agentId, now);
        if (holder is null)
        {
            // It was waiting: the partition watches it as held from now on (before the write, like a claim).
            await WatchHeld(now);
        }

        await Persist();
        return Transfer(TransferOutcome.Transferred, holder, null);
    }

    private TransferResult? RefuseTransfer(string actor, bool asAdmin) =>
        TransferRules.Refusal(Ticket.Status, Ticket.ClaimedBy, actor, asAdmin) switch
        {
            null => null,
            TransferOutcome.NotHolder => Transfer(TransferOutcome.NotHolder, null, "Only the agent holding the ticket may transfer it; claim it first."),
            var refusal => Transfer(refusal.Value, null, $"The ticket is {Reasons.Snake(Ticket.Status)}: neither claimed nor waiting in a queue."),
        };

    private TransferDetails? IsRetryOf(string actor, string? queue, string? agentId, string note) =>
        TransferRules.RetryOf(Ticket.Audit.Count > 0 ? Ticket.Audit[^1] : null, actor, queue, agentId, note);

    /// <summary>One audit entry per transfer; a transfer between agents keeps the status (claimed), so from = to.</summary>
    private void AddTransfer(TicketStatus to, string actor, string note, TransferDetails details, DateTimeOffset now)
    {
        var from = Ticket.Status;
        if (from != to)
        {
            TicketLifecycle.EnsureCanMove(from, to);
        }

        Ticket.Status = to;
        Ticket.UpdatedAt = now;
        Ticket.Audit.Add(new AuditEntry(now, actor, from, to, [TransferredCode], null, note) { Transfer = details });
    }

    private TransferResult Transfer(TransferOutcome outcome, string? previousHolder, string? detail) =>
        new(outcome, Key.Id, Stored.RecordExists ? Ticket.Status : null, Stored.RecordExists ? Ticket.Queue : null,
            Stored.RecordExists ? Ticket.ClaimedBy : null, previousHolder, detail);
}
