using Retenza.Grains.Agents;
using Retenza.Queues;
using Retenza.Tenancy;
using Retenza.Tickets;

namespace Retenza.Grains.Queues;

/// <summary>
/// The sweep: a claimed ticket leaves the waiting list but stays watched here ("held") until it says it
/// is no longer this queue's, so no claim can be stranded: once a held ticket's lease has passed the
/// sweep asks it, and a claim its holder's session does not confirm goes back to the queue. The same
/// sweep flags first-response SLA breaches, of waiting and of held tickets.
/// </summary>
public sealed partial class QueuePartitionGrain
{
    private readonly Dictionary<string, HeldEntry> _held = new(StringComparer.Ordinal);
    private string? _queue;

    /// <summary>Per running sweep, the tickets that spoke for themselves (Put, Hold, Remove) or were taken meanwhile.</summary>
    private readonly List<HashSet<string>> _sweeps = [];

    public async Task Hold(string ticketId, DateTimeOffset? slaDueAt, DateTimeOffset checkAt)
    {
        if (IsFormer)
        {
            await Successor.Hold(ticketId, slaDueAt, checkAt);
            return;
        }

        var known = _held.ContainsKey(ticketId);
        Touch(ticketId);
        Drop(ticketId);
        _held[ticketId] = new HeldEntry(ticketId, checkAt, slaDueAt);

        // A later check time is only a hint (the ticket answers the truth when asked), so it is not worth a write of its own.
        _dirty |= !known;
        await EnsureReminder();
    }

    /// <summary>
    /// Interleaves with the partition's other calls (declared on the interface, and the grain is
    /// reentrant): a ticket asked here may itself be waiting on this partition (a claim calling Hold, a
    /// release calling Put), and waiting on each other would deadlock. The sweep writes nothing itself:
    /// the pages and held list it changes go out with the next commit (a Put's, or the flush timer's).
    /// </summary>
    public async Task<int> CheckSla()
    {
        // Two sweeps may overlap (a reminder tick and a direct call): the tickets' answers are idempotent.
        var touched = new HashSet<string>(StringComparer.Ordinal);
        _sweeps.Add(touched);
        try
        {
            return await SweepAsync(touched);
        }
        finally
        {
            _sweeps.Remove(touched);
        }
    }

    private async Task<int> SweepAsync(HashSet<string> touched)
    {
        var now = time.GetUtcNow();
        var waiting = _ordered.Where(e => e.SlaDueAt <= now && !_flagged.Contains(e.TicketId)).Select(e => e.TicketId);
        var held = _held.Values.Where(h => h.CheckAt <= now || h.SlaDueAt <= now).Select(h => h.TicketId);
        var due = waiting.Concat(held).Distinct().Take(MaxChecksPerTick).ToArray();
        if (due.Length == 0)
        {
            return 0;
        }

        var (tenant, _) = GrainKeys.Split(this.GetPrimaryKeyString());
        var queue = Queue();
        var answers = await Task.WhenAll(due.Select(id => GrainFactory.GetGrain<ITicketGrain>(GrainKeys.Compose(tenant, id)).Watch(queue)));
        for (var i = 0; i < due.Length; i++)
        {
            // A ticket that called this partition while the sweep waited may have answered before that call:
            // its own call is at least as new, and anything missed is asked again at the next sweep.
            if (!touched.Contains(due[i]))
            {
                Apply(due[i], answers[i], now);
            }
        }

        return due.Length;
    }

    /// <summary>The reminder only starts the sweep, as a call of its own that interleaves (see <see cref="CheckSla"/>).</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        this.AsReference<IQueuePartitionGrain>().CheckSla().Ignore();
        return Task.CompletedTask;
    }

    private void Apply(string ticketId, QueueWatch answer, DateTimeOffset now)
    {
        switch (answer.State)
        {
            case QueueWatchState.Waiting when answer.Entry is { } entry:
                _dirty |= _held.Remove(ticketId);
                if (!_byTicket.TryGetValue(ticketId, out var known) || known != entry)
                {
                    // Its page is stored with the next commit.
                    Drop(ticketId);
                    Add(entry);
                }

                if (entry.SlaDueAt <= now)
                {
                    // Asked once it was due: its breach (or its reply) is settled until it is claimed again.
                    _flagged.Add(ticketId);
                }

                break;
            case QueueWatchState.Held:
                // A waiting entry for a claimed ticket is stale (its removal was lost in a crash): it is watched as held instead.
                Drop(ticketId);

                // A new check time alone is a hint, not worth a write: after a crash the ticket is just asked sooner.
                _dirty |= !_held.TryGetValue(ticketId, out var before) || before.SlaDueAt != answer.SlaDueAt;
                _held[ticketId] = new HeldEntry(ticketId, answer.CheckAt ?? now + AgentSessionGrain.Lease, answer.SlaDueAt);
                break;
            default:
                Drop(ticketId);
                _dirty |= _held.Remove(ticketId);
                break;
        }
    }

    /// <summary>Claim-next took the head: the claim is about to be written, so the ticket is watched from now on.</summary>
    private void HoldTaken(QueueEntry taken)
    {
        Touch(taken.TicketId);
        _held[taken.TicketId] = new HeldEntry(taken.TicketId, time.GetUtcNow() + AgentSessionGrain.Lease, taken.SlaDueAt);
        _dirty = true;
    }

    /// <summary>The ticket waits again (Put) or left this queue (Remove): no longer held. True when it was.</summary>
    private bool Unhold(string ticketId)
    {
        Touch(ticketId);
        var removed = _held.Remove(ticketId);
        _dirty |= removed;
        return removed;
    }

    private void Touch(string ticketId)
    {
        foreach (var sweep in _sweeps)
        {
            sweep.Add(ticketId);
        }
    }

    private void LoadHeld()
    {
        foreach (var held in state.State.Held)
        {
            _held[held.TicketId] = held;
        }
    }

    /// <summary>The queue's name from the key "tenant/que-&lt;queue&gt;-&lt;n&gt;" (queue names hold no '-').</summary>
    private string Queue()
    {
        if (_queue is null)
        {
            var id = GrainKeys.Split(this.GetPrimaryKeyString()).Id;
            _queue = id[QueueKeys.Prefix.Length..id.LastIndexOf('-')];
        }

        return _queue;
    }
}
