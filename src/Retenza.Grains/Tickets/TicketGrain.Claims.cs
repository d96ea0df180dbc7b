using Retenza.Agents;
using Retenza.Grains.Outcomes;
using Retenza.Outcomes;
using Retenza.Queues;
using Retenza.Tenancy;
using Retenza.Tickets;

namespace Retenza.Grains.Tickets;

/// <summary>The agent side of a ticket: queue membership, claims, release, reply and resolve.</summary>
public sealed partial class TicketGrain
{
    /// <summary>Queue summaries are listed by the hundred; the full summary stays on the ticket.</summary>
    private const int QueueSummaryLength = 200;

    /// <summary>A breached ticket moves ahead of its peers of the same priority, not ahead of everything.</summary>
    public const int SlaPriorityRaise = 1;

    public const string SlaBreachedCode = "sla_breached";

    public async Task<ClaimAttempt> TryClaim(string agentId)
    {
        if (!Stored.RecordExists)
        {
            return new ClaimAttempt(ClaimAttemptOutcome.NotFound, Key.Id, null, null, null, "No such ticket.");
        }

        if (Ticket.Status == TicketStatus.Claimed && Ticket.ClaimedBy == agentId)
        {
            return Attempt(ClaimAttemptOutcome.Claimed, null);
        }

        if (Ticket.Status == TicketStatus.Claimed && await HolderLostAsync(time.GetUtcNow()))
        {
            // A claim its holder's session never recorded (or a silent holder): free once the lease has passed.
            // Expiry and the new claim land in one write.
            ExpireClaim(time.GetUtcNow());
        }

        if (!TicketLifecycle.CanMove(Ticket.Status, TicketStatus.Claimed))
        {
            return Attempt(ClaimAttemptOutcome.NotClaimable, Ticket.ClaimedBy is { } holder
                ? $"Ticket is claimed by '{holder}'."
                : $"Ticket is {Ticket.Status}, not waiting in a queue.");
        }

        await ClaimCore(agentId);
        return Attempt(ClaimAttemptOutcome.Claimed, null);
    }

    public Task<ClaimAttempt> TryClaimFrom(string agentId, string queue) =>
        Stored.RecordExists && Ticket.Queue != queue && Ticket.ClaimedBy != agentId
            ? Task.FromResult(Attempt(ClaimAttemptOutcome.NotClaimable, $"The ticket has moved to '{Ticket.Queue}'."))
            : TryClaim(agentId);

    public async Task<bool> Unclaim(string agentId, string reasonCode, string? note)
    {
        if (!Stored.RecordExists || Ticket.Status != TicketStatus.Claimed || Ticket.ClaimedBy != agentId)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var actor = reasonCode == ClaimReasons.Expired ? System : agentId;
        Move(WaitingStatus(), actor, [reasonCode], null, note, now);
        ClearHolder();
        await EnterQueue(now);
        await Persist();
        return true;
    }

    public async Task<TicketSnapshot> Claim(string agentId)
    {
        EnsureExists(TicketStatus.Claimed);
        TicketLifecycle.EnsureCanMove(Ticket.Status, TicketStatus.Claimed);
        await ClaimCore(agentId);
        return Snapshot();
    }

    public async Task<TicketSnapshot> Reply(string agentId, string text)
    {
        EnsureExists(TicketStatus.Replied);
        TicketLifecycle.EnsureCanMove(Ticket.Status, TicketStatus.Replied);
        if (Ticket.ClaimedBy != agentId)
        {
            throw new ClaimMismatchException(agentId, Ticket.ClaimedBy);
        }

        var now = time.GetUtcNow();
        Move(TicketStatus.Replied, agentId, [], null, null, now);
        Ticket.Messages.Add(Outbound(text, now));
        await Persist();
        return Snapshot();
    }

    public async Task<TicketSnapshot> Resolve(string actor, string? note)
    {
        EnsureExists(TicketStatus.Resolved);
        Move(TicketStatus.Resolved, actor, [], null, note, time.GetUtcNow());
        ClearHolder();
        await Persist();
        return Snapshot();
    }

    public async Task<AgentReply> AgentReply(string agentId, string text, bool resolve)
    {
        if (!Stored.RecordExists)
        {
            return new AgentReply(AgentReplyRefusal.NotFound, Key.Id, null, null, null, null);
        }

        if (Ticket.Status != TicketStatus.Claimed || Ticket.ClaimedBy != agentId)
        {
            return new AgentReply(AgentReplyRefusal.NotClaimer, Key.Id, Ticket.Status, null, null, Ticket.ClaimedBy);
        }

        var now = time.GetUtcNow();
        var details = Ticket.Assessment?.Details;
        var (outcomeClass, distance) = DraftEditClassifier.Classify(details?.Draft?.Text, text);
        var outcome = new DraftOutcome(Key.Id, agentId, outcomeClass, distance, details?.Intent?.Name, details?.Confidence?.Score,
            Ticket.Assessment?.Route.ToString().ToLowerInvariant(), Ticket.Assessment?.PolicyVersion, Ticket.Assessment?.ModelVersion, now);
        var message = Outbound(text, now);
        Move(TicketStatus.Replied, agentId, [OutcomeCode(outcomeClass)], null, null, now);
        Ticket.Messages.Add(message);
        Ticket.Outcome = outcome;
        if (resolve)
        {
            Move(TicketStatus.Resolved, agentId, [], null, null, now);
            ClearHolder();
        }

        // One ticket write for reply, outcome and resolve; the log append after it is idempotent.
        await Persist();
        await GrainFactory.GetGrain<IOutcomeLogGrain>(OutcomeLogKeys.For(Key.Tenant, now, Key.Id)).AppendOutcome(outcome);
        return new AgentReply(AgentReplyRefusal.None, Key.Id, Ticket.Status, message.MessageId, outcome, Ticket.ClaimedBy);
    }

    public async Task<TicketFeedback?> Feedback(string agentId, bool? escalationNeeded, string? correctIntent, string? note)
    {
        if (!Stored.RecordExists || Ticket.LastClaimedBy != agentId)
        {
            return null;
        }

        var feedback = new TicketFeedback(Key.Id, agentId, escalationNeeded, correctIntent, note,
            Ticket.Assessment?.Details?.Intent?.Name, time.GetUtcNow());
        Ticket.Feedback = feedback;
        await Persist();
        await GrainFactory.GetGrain<IOutcomeLogGrain>(OutcomeLogKeys.For(Key.Tenant, feedback.At, Key.Id)).AppendFeedback(feedback);
        return feedback;
    }

    /// <summary>The outcome as a reason code on the replied audit entry, so the trail alone tells how the draft fared.</summary>
    private static string OutcomeCode(DraftOutcomeClass outcome) => "draft_" + outcome switch
    {
        DraftOutcomeClass.AcceptedAsIs => "accepted_as_is",
        DraftOutcomeClass.LightEdit => "light_edit",
        DraftOutcomeClass.HeavyEdit => "heavy_edit",
        DraftOutcomeClass.Rewritten => "rewritten",
        _ => "none",
    };

    private async Task ClaimCore(string agentId)
    {
        var now = time.GetUtcNow();
        Move(TicketStatus.Claimed, agentId, [], null, null, now);
        SetHolder(agentId, now);
        await WatchHeld(now);
        await Persist();
    }

    /// <summary>
    /// The partition keeps watching a claimed ticket (lease, SLA) until the ticket says it is no longer
    /// its business. Called before the ticket's write, like EnterQueue: a watch of a ticket whose claim
    /// was not written is harmless (the sweep finds it waiting and lists it again).
    /// </summary>
    private async Task WatchHeld(DateTimeOffset now)
    {
        if (Ticket.Queue is { } queue)
        {
            await Partition(queue).Hold(Key.Id, SlaStillWatched() ? Ticket.SlaDueAt : null, LeaseEnd());
        }
    }

    /// <summary>
    /// Registers a ticket that waits for a human in its queue's partition. Call before persisting
    /// the ticket: a stale entry is harmless, a missing one would strand the ticket.
    /// </summary>
    private async Task EnterQueue(DateTimeOffset now)
    {
        if (Ticket.Queue is not { } queue || Ticket.Status is not (TicketStatus.AwaitingReview or TicketStatus.Escalated))
        {
            return;
        }

        if (Ticket.QueuedAt is null)
        {
            Ticket.QueuedAt = now;
            var policy = await policies.GetAsync(Key.Tenant);
            Ticket.SlaDueAt = policy.SlaMinutes.TryGetValue(queue, out var minutes) ? now.AddMinutes(minutes) : null;
        }

        await Partition(queue).Put(QueueEntryOf(queue));
    }

    private QueueEntry QueueEntryOf(string queue)
    {
        var summary = Ticket.Assessment?.Summary ?? "";
        return new QueueEntry(Key.Id, Ticket.Priority, Ticket.SlaDueAt, Ticket.QueuedAt ?? Ticket.CreatedAt,
            summary.Length <= QueueSummaryLength ? summary : summary[..(QueueSummaryLength - 1)] + "…");
    }

    private IQueuePartitionGrain Partition(string queue) =>
        GrainFactory.GetGrain<IQueuePartitionGrain>(QueueKeys.Partition(Key.Tenant, queue, QueueKeys.PartitionOf(Key.Id)));

    private ClaimAttempt Attempt(ClaimAttemptOutcome outcome, string? detail) =>
        new(outcome, Key.Id, Ticket.Queue, Ticket.ClaimedBy, Ticket.Status, detail);
}
