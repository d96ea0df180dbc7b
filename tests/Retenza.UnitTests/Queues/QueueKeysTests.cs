using Retenza.Queues;

namespace Retenza.UnitTests.Queues;

public sealed class QueueKeysTests
{
    [Fact]
    public void Former_partitions_map_onto_the_partition_their_tickets_hash_to_now()
    {
        Assert.Equal([2, 4, 6], QueueKeys.FormerPartitionsOf(0));
        Assert.Equal([3, 5, 7], QueueKeys.FormerPartitionsOf(1));
        Assert.Empty(QueueKeys.FormerPartitionsOf(5));
        Assert.Equal(5, QueueKeys.NumberOf(QueueKeys.Partition("tenant-a", "review", 5)));
    }
}
