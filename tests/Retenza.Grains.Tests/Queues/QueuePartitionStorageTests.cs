using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;
using Retenza.Grains.Queues;
using Retenza.Queues;

namespace Retenza.Grains.Tests.Queues;

/// <summary>The partition's paged storage: what a Put writes, and what a new activation finds.</summary>
[Collection(ClusterCollection.Name)]
public sealed class QueuePartitionStorageTests(ClusterFixture fixture)
{
    private readonly string _tenant = Messages.NewTenant();

    private IQueuePartitionGrain Partition(int n = 0) => fixture.Grains.GetGrain<IQueuePartitionGrain>(QueueKeys.Partition(_tenant, "review", n));

    private static QueueEntry Entry(int n, int priority = 1) =>
        new($"tkt-q{n:D4}", priority, null, new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero).AddSeconds(n), $"ticket {n}");

    private int PageWrites(IQueuePartitionGrain partition, int pages) =>
        Enumerable.Range(0, pages).Sum(page => fixture.Storage.Writes(QueuePartitionGrain.PageStateName, PageId(partition, page)));

    private static GrainId PageId(IQueuePartitionGrain partition, int page) =>
        GrainId.Create(QueuePartitionGrain.PageStateName, $"{partition.GetPrimaryKeyString()}/{page}");

    [Fact]
    public async Task A_put_writes_one_page_whatever_the_backlog_and_the_header_only_when_a_page_opens()
    {
        var partition = Partition();
        const int backlog = QueuePartitionGrain.PageSize * 5;
        for (var n = 0; n < backlog; n++)
        {
            await partition.Put(Entry(n));
        }

        // One page write per put; the header once per page opened, and once at the first activation (it marks the
        // former partitions absorbed: QueuePartitionGrain.Former.cs).
        Assert.Equal(backlog, PageWrites(partition, 5));
        Assert.Equal(1 + 5, fixture.Storage.Writes("queue", partition.GetGrainId()));

        await partition.Put(Entry(backlog));

        Assert.Equal(1, fixture.Storage.Writes(QueuePartitionGrain.PageStateName, PageId(partition, 5)));
        Assert.Equal(1 + 6, fixture.Storage.Writes("queue", partition.GetGrainId()));
    }

    [Fact]
    public async Task A_new_activation_finds_the_same_ordered_entries_after_adds_changes_and_takes()
    {
        var partition = Partition(1);
        for (var n = 0; n < 75; n++)
        {
            await partition.Put(Entry(n));
        }

        await partition.Put(Entry(70, priority: 5));
        var taken = await partition.TakeHead();
        await partition.Remove(Entry(3).TicketId);
        var before = await partition.List(1000);

        // Takes and removals are batched; deactivation writes them.
        await partition.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var after = await partition.List(1000);

        Assert.Equal(Entry(70, priority: 5), taken);
        Assert.Equal(73, before.Count);
        Assert.Equal(before, after);
        Assert.DoesNotContain(after, e => e.TicketId == Entry(3).TicketId);
    }

    [Fact]
    public async Task A_partition_stored_in_one_row_before_paging_is_moved_onto_pages()
    {
        var partition = Partition(0);
        var storage = fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var legacy = new GrainState<QueuePartitionState>(new QueuePartitionState { Entries = [Entry(1), Entry(2, priority: 4), Entry(3)] });
        await storage.WriteStateAsync("queue", partition.GetGrainId(), legacy);

        var listed = await partition.List(10);

        Assert.Equal([Entry(2, priority: 4), Entry(1), Entry(3)], listed);
        var header = new GrainState<QueuePartitionState>(new QueuePartitionState());
        await storage.ReadStateAsync("queue", partition.GetGrainId(), header);
        Assert.NotNull(header.State);
        Assert.Empty(header.State.Entries);
        Assert.Equal([0], header.State.Pages);

        await partition.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(listed, await partition.List(10));
    }

    [Fact]
    public async Task Concurrent_puts_all_land_and_are_all_stored()
    {
        var partition = Partition(1);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(n => partition.Put(Entry(n))));
        await partition.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var listed = await partition.List(1000);

        Assert.Equal(Enumerable.Range(0, 200).Select(n => Entry(n)), listed);
    }
}
