using Retenza.Queues;

namespace Retenza.Grains.Queues;

/// <summary>
/// Writes only when an entry is added or changed. Takes and removals stay in memory until the next
/// write: an entry that comes back after a crash is stale, and the ticket grain refuses the claim.
/// </summary>
public sealed class QueuePartitionGrain(
    [PersistentState("queue", StorageNames.Default)] IPersistentState<QueuePartitionState> state) : Grain, IQueuePartitionGrain
{
    private readonly SortedSet<QueueEntry> _ordered = new(QueueOrder.Instance!);
    private readonly Dictionary<string, QueueEntry> _byTicket = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in state.State.Entries)
        {
            Add(entry);
        }

        return Task.CompletedTask;
    }

    public async Task Put(QueueEntry entry)
    {
        if (_byTicket.TryGetValue(entry.TicketId, out var known))
        {
            if (known == entry)
            {
                return;
            }

            _ordered.Remove(known);
        }

        Add(entry);
        state.State.Entries = [.. _ordered];
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
    }

    public Task Remove(string ticketId)
    {
        Drop(ticketId);
        return Task.CompletedTask;
    }

    public Task<QueueEntry?> Head() => Task.FromResult(_ordered.Count == 0 ? null : _ordered.Min);

    public Task<QueueEntry?> TakeHead()
    {
        var head = _ordered.Count == 0 ? null : _ordered.Min;
        if (head is not null)
        {
            Drop(head.TicketId);
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
        if (!_byTicket.Remove(ticketId, out var entry))
        {
            return false;
        }

        _ordered.Remove(entry);
        return true;
    }
}
