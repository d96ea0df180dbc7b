using Retenza.Queues;

namespace Retenza.Grains.Queues;

/// <summary>
/// Writes at once when an entry is added or changed. Takes and removals are written in batches: by a
/// flush timer every <see cref="FlushEvery"/>, at deactivation (graceful shutdown), or with the next
/// add. An entry that comes back after a crash is stale; the ticket grain refuses its claim and the
/// entry is dropped.
/// </summary>
/// SLA and lease checks run on a durable reminder per partition (registered with its first entry), so
/// a breach is found after silo restarts and no ticket needs a timer of its own.
public sealed partial class QueuePartitionGrain(
    [PersistentState("queue", StorageNames.Default)] IPersistentState<QueuePartitionState> state,
    TimeProvider time) : Grain, IQueuePartitionGrain, IRemindable
{
    private const string SlaReminder = "sla";

    /// <summary>Tickets asked per check: bounds one reminder tick; the rest wait for the next minute.</summary>
    private const int MaxChecksPerTick = 200;

    public static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(2);

    private readonly HashSet<string> _flagged = new(StringComparer.Ordinal);
    private bool _reminderRegistered;
    private bool _dirty;
    private readonly SortedSet<QueueEntry> _ordered = new(QueueOrder.Instance!);
    private readonly Dictionary<string, QueueEntry> _byTicket = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in state.State.Entries)
        {
            Add(entry);
        }

        LoadHeld();
        this.RegisterGrainTimer(_ => _dirty ? Flush() : Task.CompletedTask, new GrainTimerCreationOptions(FlushEvery, FlushEvery) { KeepAlive = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await Flush();
        }
    }

    public async Task Put(QueueEntry entry)
    {
        var wasHeld = Unhold(entry.TicketId);
        if (_byTicket.TryGetValue(entry.TicketId, out var known))
        {
            if (known == entry && !wasHeld)
            {
                return;
            }

            _ordered.Remove(known);
        }

        Add(entry);
        await Flush();
        // The sweep watches SLA due times and held tickets' leases, so every partition with entries has it.
        if (!_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(SlaReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            _reminderRegistered = true;
        }
    }

    public Task Remove(string ticketId)
    {
        Drop(ticketId);
        Unhold(ticketId);
        return Task.CompletedTask;
    }

    public Task<QueueEntry?> Head() => Task.FromResult(_ordered.Count == 0 ? null : _ordered.Min);

    public Task<QueueEntry?> TakeHead()
    {
        var head = _ordered.Count == 0 ? null : _ordered.Min;
        if (head is not null)
        {
            Drop(head.TicketId);
            HoldTaken(head);
        }

        return Task.FromResult(head);
    }

    public Task<IReadOnlyList<QueueEntry>> List(int limit) =>
        Task.FromResult<IReadOnlyList<QueueEntry>>(_ordered.Take(Math.Max(0, limit)).ToArray());

    public Task<QueueStats> Stats(DateTimeOffset now)
    {
        DateTimeOffset? oldest = null;
        var breached = 0;
        foreach (var entry in _ordered)
        {
            oldest = oldest is null || entry.EnqueuedAt < oldest ? entry.EnqueuedAt : oldest;
            breached += entry.SlaDueAt is { } due && due <= now ? 1 : 0;
        }

        return Task.FromResult(new QueueStats(_ordered.Count, oldest, breached));
    }

    private void Add(QueueEntry entry)
    {
        _byTicket[entry.TicketId] = entry;
        _ordered.Add(entry);
    }

    private bool Drop(string ticketId)
    {
        _flagged.Remove(ticketId);
        if (!_byTicket.Remove(ticketId, out var entry))
        {
            return false;
        }

        _ordered.Remove(entry);
        _dirty = true;
        return true;
    }

    private async Task Flush()
    {
        state.State.Entries = [.. _ordered];
        state.State.Held = [.. _held.Values];
        _dirty = false;
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
    }
}
