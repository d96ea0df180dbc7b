using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;
using Retenza.Grains.Queues;
using Retenza.Queues;

namespace Retenza.Grains.Tests.Queues;

/// <summary>Queues went from 8 partitions to 2: what the former partitions stored is taken over, once, and nothing is lost.</summary>
[Collection(ClusterCollection.Name)]
public sealed class QueuePartitionFormerTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _tenant = Messages.NewTenant();

    private IGrainStorage Storage => fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);

    private IQueuePartitionGrain Partition(int n) => fixture.Grains.GetGrain<IQueuePartitionGrain>(QueueKeys.Partition(_tenant, "review", n));

    private static QueueEntry Entry(string ticketId, int priority = 1) => new(ticketId, priority, null, Start, $"ticket {ticketId}");

    /// <summary>Stores a partition row as a build with 8 partitions left it (the whole list in the header).</summary>
    private Task StoreFormer(int partition, QueueEntry[] waiting, HeldEntry[] held) =>
        Storage.WriteStateAsync("queue", Partition(partition).GetGrainId(),
            new GrainState<QueuePartitionState>(new QueuePartitionState { Entries = [.. waiting], Held = [.. held] }));

    private async Task<QueuePartitionState> StoredHeader(int partition)
    {
        var header = new GrainState<QueuePartitionState>(new QueuePartitionState());
        await Storage.ReadStateAsync("queue", Partition(partition).GetGrainId(), header);
        return header.State ?? new QueuePartitionState();
    }

    [Fact]
    public async Task A_current_partition_takes_over_its_former_partitions_waiting_and_held_tickets_once()
    {
        var held = new HeldEntry("tkt-held", Start.AddMinutes(5), Start.AddHours(1));
        await StoreFormer(3, [Entry("tkt-a"), Entry("tkt-b", priority: 5)], [held]);
        await StoreFormer(7, [Entry("tkt-c")], []);

        var listed = await Partition(1).List(10);

        Assert.Equal([Entry("tkt-b", priority: 5), Entry("tkt-a"), Entry("tkt-c")], listed);
        var header = await StoredHeader(1);
        Assert.True(header.FormerPartitionsAbsorbed);
        Assert.Equal([held], header.Held);

        // The former rows are emptied only after the current partition stored what it took.
        Assert.Empty(await Partition(3).List(10));
        Assert.Empty(await Partition(7).List(10));
        Assert.Empty((await StoredHeader(3)).Held);

        // A new activation reads its own rows and does not ask the former partitions again.
        await StoreFormer(5, [Entry("tkt-late")], []);
        await Partition(1).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(listed, await Partition(1).List(10));
    }

    [Fact]
    public async Task An_entry_the_current_partition_already_has_is_not_replaced_by_the_former_ones()
    {
        // The current partition's row is newer: written after the former one stopped taking entries.
        await Storage.WriteStateAsync("queue", Partition(0).GetGrainId(),
            new GrainState<QueuePartitionState>(new QueuePartitionState { Entries = [Entry("tkt-same", priority: 9)] }));
        await StoreFormer(2, [Entry("tkt-same", priority: 1), Entry("tkt-other")], []);

        var listed = await Partition(0).List(10);

        Assert.Equal([Entry("tkt-same", priority: 9), Entry("tkt-other")], listed);
    }

    [Fact]
    public async Task A_put_that_reaches_a_former_partition_lands_in_its_successor()
    {
        await Partition(6).Put(Entry("tkt-from-an-older-node"));

        Assert.Empty(await Partition(6).List(10));
        Assert.Equal([Entry("tkt-from-an-older-node")], await Partition(0).List(10));
    }

    [Fact]
    public async Task A_hold_that_reaches_a_former_partition_is_watched_by_its_successor()
    {
        var checkAt = Start.AddMinutes(2);

        await Partition(7).Hold("tkt-claimed-on-an-older-node", Start.AddHours(1), checkAt);

        Assert.Empty((await Partition(7).HandOver()).Held);
        Assert.Equal([new HeldEntry("tkt-claimed-on-an-older-node", checkAt, Start.AddHours(1))], (await Partition(1).HandOver()).Held);
    }
}
