using Retenza.Agents;
using Retenza.Grains.Agents;
using Retenza.Queues;
using Retenza.Tenancy;
using Retenza.Tickets;

namespace Retenza.Grains.Tickets;

/// <summary>
/// The ticket's own side of a claim's lease, so that a claim can never be stranded: a claim records
/// its lease end on the ticket (in the same write); once that has passed, the ticket asks the
/// holder's session, and a claim the session does not confirm (it crashed before recording it, or
/// its agent went silent) is expired here: by the queue partition's sweep, or by the next claimer.
/// </summary>
public sealed partial class TicketGrain
{
    /// <summary>A confirmation from the holder's session extends the lease in memory only: no write per check.</summary>
    private DateTimeOffset? _leaseConfirmedUntil;

    public async Task<QueueWatch> Watch(string queue)
    {
        if (!Stored.RecordExists || Ticket.Queue != queue)
        {
            return QueueWatch.Gone;
        }

        var now = time.GetUtcNow();
        var changed = false;
        if (Ticket.Status == TicketStatus.Claimed && await HolderLostAsync(now))
        {
            ExpireClaim(now);
            changed = true;
        }

        if (Ticket.Status is not (TicketStatus.AwaitingReview or TicketStatus.Escalated or TicketStatus.Claimed))
        {
            return QueueWatch.Gone;
        }

        changed |= FlagSlaBreach(now);
        if (changed)
        {
            // The partition asked, so it updates its own index from the answer: calling back into it would deadlock.
            await Persist();
        }

        return Ticket.Status == TicketStatus.Claimed
            ? new QueueWatch(QueueWatchState.Held, null, LeaseEnd(), SlaStillWatched() ? Ticket.SlaDueAt : null)
            : new QueueWatch(QueueWatchState.Waiting, QueueEntryOf(queue), null, null);
    }

    /// <summary>Holder, lease and queue watch of a fresh claim (claim or transfer to an agent): the lease starts anew.</summary>
    private void SetHolder(string agentId, DateTimeOffset now)
    {
        Ticket.ClaimedBy = agentId;
        Ticket.ClaimedAt = now;
        Ticket.LastClaimedBy = agentId;
        Ticket.ClaimLeaseUntil = now + AgentSessionGrain.Lease;
        _leaseConfirmedUntil = null;
    }

    private void ClearHolder()
    {
        Ticket.ClaimedBy = null;
        Ticket.ClaimedAt = null;
        Ticket.ClaimLeaseUntil = null;
        _leaseConfirmedUntil = null;
    }

    /// <summary>The claim goes back to the queue, by the system: its holder did not confirm it after the lease.</summary>
    private void ExpireClaim(DateTimeOffset now)
    {
        Move(WaitingStatus(), System, [ClaimReasons.Expired], null, $"not confirmed by {Ticket.ClaimedBy}'s session after the lease", now);
        ClearHolder();
    }

    /// <summary>
    /// True when the lease has passed and the holder's session does not confirm the claim. Before the
    /// lease ends nothing is asked, so the claim path costs no extra call.
    /// </summary>
    private async Task<bool> HolderLostAsync(DateTimeOffset now)
    {
        if (Ticket.ClaimedBy is not { } holder || LeaseEnd() > now)
        {
            return false;
        }

        var confirmed = await GrainFactory.GetGrain<IAgentSessionGrain>(GrainKeys.Compose(Key.Tenant, holder)).Confirm(Key.Id);
        if (confirmed is { } until && until > now)
        {
            _leaseConfirmedUntil = until;
            return false;
        }

        return true;
    }

    private DateTimeOffset LeaseEnd() =>
        _leaseConfirmedUntil ?? Ticket.ClaimLeaseUntil ?? (Ticket.ClaimedAt ?? Ticket.UpdatedAt) + AgentSessionGrain.Lease;

    /// <summary>Where a ticket waits when it goes back to a queue: what triage decided (review or escalate).</summary>
    private TicketStatus WaitingStatus() => TicketLifecycle.StatusFor(Ticket.Assessment?.Route ?? Route.Escalate);

    /// <summary>
    /// SPEC §7 first-response target: a ticket past its due time that no agent has answered yet is
    /// flagged once, waiting or held; one answered before (then reopened) is not.
    /// </summary>
    private bool FlagSlaBreach(DateTimeOffset now)
    {
        if (!SlaStillWatched() || Ticket.SlaDueAt is not { } due || due > now)
        {
            return false;
        }

        Ticket.SlaBreachedAt = now;
        Ticket.Priority += SlaPriorityRaise;
        Ticket.UpdatedAt = now;
        // Not a status change: the audit entry records the breach with from = to.
        Ticket.Audit.Add(new AuditEntry(now, System, Ticket.Status, Ticket.Status, [SlaBreachedCode], null,
            $"first response due {due:u}; priority raised to {Ticket.Priority}"));
        return true;
    }

    private bool SlaStillWatched() => Ticket.SlaBreachedAt is null && Ticket.SlaDueAt is not null && !HasFirstResponse();

    /// <summary>An agent's reply is the first response; the AI's auto-reply came before the ticket waited for a human.</summary>
    private bool HasFirstResponse() => Ticket.Audit.Any(a => a.To == TicketStatus.Replied);
}
