using Retenza.Queues;
using Retenza.Tenancy;

namespace Retenza.Grains.Queues;

/// <summary>
/// Queues had <see cref="QueueKeys.FormerPartitions"/> partitions and have <see cref="QueueKeys.Partitions"/> now.
/// A current partition takes over the tickets of the former partitions that map to it once, when it first
/// activates: it stores them, then tells the former ones to forget theirs, then marks its header so it never asks
/// again (a crash in between only repeats steps, and entries are keyed by ticket). A former partition forwards
/// the Puts and Holds that still reach it (from a node of an older build during a rolling upgrade).
/// </summary>
public sealed partial class QueuePartitionGrain
{
    private int? _number;

    private int Number => _number ??= QueueKeys.NumberOf(this.GetPrimaryKeyString());

    private bool IsFormer => Number >= QueueKeys.Partitions;

    private IQueuePartitionGrain PartitionNumbered(int n) =>
        GrainFactory.GetGrain<IQueuePartitionGrain>(QueueKeys.Partition(GrainKeys.Split(this.GetPrimaryKeyString()).Tenant, Queue(), n));

    /// <summary>Where a former partition's tickets map now.</summary>
    private IQueuePartitionGrain Successor => PartitionNumbered(Number % QueueKeys.Partitions);

    public Task<QueueHandover> HandOver() =>
        Task.FromResult(new QueueHandover([.. _ordered], [.. _held.Values]));

    public async Task Retire()
    {
        foreach (var ticketId in _byTicket.Keys.ToArray())
        {
            Drop(ticketId);
        }

        _dirty |= _held.Count > 0;
        _held.Clear();
        await Commit();
        if (await this.GetReminder(SlaReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminder = null;
        DeactivateOnIdle();
    }

    private async Task AbsorbFormerPartitions()
    {
        if (IsFormer || state.State.FormerPartitionsAbsorbed)
        {
            return;
        }

        var formers = QueueKeys.FormerPartitionsOf(Number).Select(PartitionNumbered).ToArray();
        var handovers = await Task.WhenAll(formers.Select(former => former.HandOver()));
        foreach (var handover in handovers)
        {
            // What this partition already knows is newer: it was put here after the former one stopped taking entries.
            foreach (var entry in handover.Waiting.Where(e => !Knows(e.TicketId)))
            {
                Add(entry);
            }

            foreach (var held in handover.Held.Where(h => !Knows(h.TicketId)))
            {
                _held[held.TicketId] = held;
                _dirty = true;
            }
        }

        await Commit();
        await Task.WhenAll(formers.Select(former => former.Retire()));
        state.State.FormerPartitionsAbsorbed = true;
        _dirty = true;
        await Commit();
        if (_byTicket.Count > 0 || _held.Count > 0)
        {
            await EnsureReminder();
        }
    }

    private bool Knows(string ticketId) => _byTicket.ContainsKey(ticketId) || _held.ContainsKey(ticketId);
}
