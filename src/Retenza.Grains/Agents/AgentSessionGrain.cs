using Retenza.Agents;
using Retenza.Grains.Tickets;
using Retenza.Queues;
using Retenza.Tenancy;
using Retenza.Tickets;

namespace Retenza.Grains.Agents;

/// <summary>
/// Sequences one agent's claims (capacity can never be overrun) and owns their lease. Heartbeats
/// live in memory; a timer checks the lease while the session is active and a durable reminder
/// brings the session back after a silo restart, so no ticket needs a timer of its own.
/// </summary>
public sealed class AgentSessionGrain(
    [PersistentState("agentsession", StorageNames.Default)] IPersistentState<AgentSessionState> state,
    TimeProvider time) : Grain, IAgentSessionGrain, IRemindable
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>How often an active session checks its lease (real time; the lease itself is measured with TimeProvider).</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(15);

    private const string LeaseReminder = "lease";

    /// <summary>A claim-next skips stale queue entries (tickets claimed directly, or already answered); this bounds the skipping.</summary>
    private const int MaxStaleEntries = 32;

    private (string Tenant, string Id)? _key;
    private DateTimeOffset? _lastHeartbeat;
    private IGrainTimer? _timer;

    private (string Tenant, string Id) Key => _key ??= GrainKeys.Split(this.GetPrimaryKeyString());

    private AgentSessionState Session => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Session.SignedIn)
        {
            // After a restart the agent gets one full lease from now to show they are still there.
            var now = time.GetUtcNow();
            _lastHeartbeat = Session.LastHeartbeatAt is { } last && last > now ? last : now;
            StartTimer();
        }

        return Task.CompletedTask;
    }

    public async Task<AgentSession> SignIn(IReadOnlyList<string>? queues, int? capacity)
    {
        var profile = await GrainFactory.GetGrain<IAgentGrain>(this.GetPrimaryKeyString()).Get()
            ?? throw new InvalidOperationException("Unknown agent.");
        var chosen = queues is { Count: > 0 } ? queues.Distinct().ToList() : profile.Queues.ToList();
        var outside = chosen.Except(profile.Queues).ToArray();
        if (outside.Length > 0)
        {
            throw new ArgumentException($"Not one of this agent's queues: {string.Join(", ", outside)}.");
        }

        if (capacity is { } c && (c < 1 || c > profile.Capacity))
        {
            throw new ArgumentException($"Capacity must be between 1 and the agent's {profile.Capacity}.");
        }

        var wasSignedIn = Session.SignedIn;
        Session.SignedIn = true;
        Session.Queues = chosen;
        Session.Capacity = capacity ?? profile.Capacity;
        Beat();
        await Persist();
        if (!wasSignedIn)
        {
            await this.RegisterOrUpdateReminder(LeaseReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            StartTimer();
        }

        return Snapshot();
    }

    public Task<AgentSession?> Heartbeat()
    {
        if (!Session.SignedIn)
        {
            return Task.FromResult<AgentSession?>(null);
        }

        Beat();
        return Task.FromResult<AgentSession?>(Snapshot());
    }

    public async Task<AgentSession> SignOut()
    {
        if (!Session.SignedIn)
        {
            return Snapshot();
        }

        await ReturnAll(ClaimReasons.Released, "signed out");
        Session.SignedIn = false;
        await Persist();
        _timer?.Dispose();
        _timer = null;
        if (await this.GetReminder(LeaseReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        return Snapshot();
    }

    public Task<AgentSession> Get() => Task.FromResult(Snapshot());

    public async Task<ClaimAttempt> ClaimNext()
    {
        if (Refused() is { } refused)
        {
            return refused;
        }

        for (var stale = 0; stale <= MaxStaleEntries; stale++)
        {
            var entry = await TakeBest();
            if (entry is null)
            {
                return Refusal(ClaimAttemptOutcome.QueueEmpty, "Nothing is waiting in your queues.");
            }

            var attempt = await GrainFactory.GetGrain<ITicketGrain>(GrainKeys.Compose(Key.Tenant, entry.Value.Entry.TicketId))
                .TryClaimFrom(Key.Id, entry.Value.Queue);
            if (attempt.Outcome == ClaimAttemptOutcome.Claimed)
            {
                await Hold(entry.Value.Entry.TicketId);
                return attempt;
            }
        }

        return Refusal(ClaimAttemptOutcome.QueueEmpty, "Only stale entries were found; try again.");
    }

    public async Task<ClaimAttempt> Claim(string ticketId)
    {
        if (Session.Claims.Contains(ticketId))
        {
            return await Ticket(ticketId).TryClaim(Key.Id);
        }

        if (Refused() is { } refused)
        {
            return refused with { TicketId = ticketId };
        }

        var attempt = await Ticket(ticketId).TryClaim(Key.Id);
        if (attempt.Outcome == ClaimAttemptOutcome.Claimed)
        {
            await Hold(ticketId);
        }

        return attempt;
    }

    public async Task<bool> Release(string ticketId, string? note)
    {
        var released = await Ticket(ticketId).Unclaim(Key.Id, ClaimReasons.Released, note);
        if (Session.Claims.Remove(ticketId))
        {
            await Persist();
        }

        return released;
    }

    public async Task Forget(string ticketId)
    {
        if (Session.Claims.Remove(ticketId))
        {
            await Persist();
        }
    }

    public async Task<int> ExpireIfSilent()
    {
        if (!Session.SignedIn || Session.Claims.Count == 0 || _lastHeartbeat is not { } last || time.GetUtcNow() - last <= Lease)
        {
            return 0;
        }

        var returned = await ReturnAll(ClaimReasons.Expired, null);
        await Persist();
        return returned;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => ExpireIfSilent();

    public Task<DateTimeOffset?> Confirm(string ticketId)
    {
        var until = _lastHeartbeat + Lease;
        return Task.FromResult(Session.SignedIn && Session.Claims.Contains(ticketId) && until > time.GetUtcNow() ? until : null);
    }

    public async Task<TransferResult> AcceptTransfer(string ticketId, string actor, bool asAdmin, string note)
    {
        var profile = await GrainFactory.GetGrain<IAgentGrain>(this.GetPrimaryKeyString()).Get();
        if (profile is null)
        {
            return new TransferResult(TransferOutcome.AgentNotFound, ticketId, null, null, null, null, "No such agent.");
        }

        // Already ours (a retry, or a transfer to the holder): the ticket answers Unchanged; capacity is not asked again.
        if (!Session.Claims.Contains(ticketId))
        {
            if (!Session.SignedIn)
            {
                return new TransferResult(TransferOutcome.AgentNotSignedIn, ticketId, null, null, null, null, $"Agent '{Key.Id}' is not signed in.");
            }

            if (Session.Claims.Count >= Session.Capacity)
            {
                return new TransferResult(TransferOutcome.AgentAtCapacity, ticketId, null, null, null, null,
                    $"Agent '{Key.Id}' holds {Session.Claims.Count} of their capacity {Session.Capacity}.");
            }
        }

        var result = await Ticket(ticketId).TransferToAgent(actor, asAdmin, Key.Id, profile.Queues, note);

        // Recorded after the ticket, like a claim: a retry after a crash in between records it here (the ticket answers Unchanged).
        if (result.ClaimedBy == Key.Id && result.Outcome is TransferOutcome.Transferred or TransferOutcome.Unchanged && !Session.Claims.Contains(ticketId))
        {
            Session.Claims.Add(ticketId);
            await Persist();
        }

        return result;
    }

    private ClaimAttempt? Refused()
    {
        if (!Session.SignedIn)
        {
            return Refusal(ClaimAttemptOutcome.NotSignedIn, "Sign in first: POST /v1/agents/me/session.");
        }

        return Session.Claims.Count >= Session.Capacity
            ? Refusal(ClaimAttemptOutcome.AtCapacity, $"You hold {Session.Claims.Count} of your capacity {Session.Capacity}.")
            : null;
    }

    private static ClaimAttempt Refusal(ClaimAttemptOutcome outcome, string detail) => new(outcome, null, null, null, null, detail);

    /// <summary>Reads every partition head of the agent's queues, then takes from the partition whose head is best.</summary>
    private async Task<(string Queue, QueueEntry Entry)?> TakeBest()
    {
        var partitions = Session.Queues
            .SelectMany(q => QueueKeys.AllPartitions(Key.Tenant, q).Select(p => (Queue: q, Grain: GrainFactory.GetGrain<IQueuePartitionGrain>(p))))
            .ToArray();
        var heads = await Task.WhenAll(partitions.Select(p => p.Grain.Head()));
        var order = Enumerable.Range(0, partitions.Length)
            .Where(i => heads[i] is not null)
            .OrderBy(i => heads[i], Grains.Queues.QueueOrder.Instance)
            .ToArray();

        // Another agent may empty a partition between the read and the take: fall through to the next best.
        foreach (var i in order)
        {
            if (await partitions[i].Grain.TakeHead() is { } taken)
            {
                return (partitions[i].Queue, taken);
            }
        }

        return null;
    }

    private async Task Hold(string ticketId)
    {
        Session.Claims.Add(ticketId);
        Beat();
        await Persist();
    }

    private async Task<int> ReturnAll(string reasonCode, string? note)
    {
        var returned = 0;
        foreach (var ticketId in Session.Claims)
        {
            // A ticket the agent already answered or that moved on answers false: nothing to return.
            returned += await Ticket(ticketId).Unclaim(Key.Id, reasonCode, note) ? 1 : 0;
        }

        Session.Claims.Clear();
        return returned;
    }

    private void Beat()
    {
        _lastHeartbeat = time.GetUtcNow();
        Session.LastHeartbeatAt = _lastHeartbeat;
    }

    private void StartTimer() =>
        _timer ??= this.RegisterGrainTimer(_ => ExpireIfSilent(), new GrainTimerCreationOptions(CheckEvery, CheckEvery) { KeepAlive = false });

    private ITicketGrain Ticket(string ticketId) => GrainFactory.GetGrain<ITicketGrain>(GrainKeys.Compose(Key.Tenant, ticketId));

    private Task Persist() => state.WriteOrDeactivateAsync(DeactivateOnIdle);

    private AgentSession Snapshot() => new(
        Key.Id,
        Session.SignedIn,
        Session.Queues.ToArray(),
        Session.Capacity,
        Session.Claims.ToArray(),
        Session.SignedIn ? _lastHeartbeat : Session.LastHeartbeatAt,
        Session.SignedIn && _lastHeartbeat is { } last ? last + Lease : null);
}
