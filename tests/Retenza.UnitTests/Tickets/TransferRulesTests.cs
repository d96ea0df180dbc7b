using Retenza.Grains.Tickets;
using Retenza.Tickets;

namespace Retenza.UnitTests.Tickets;

public sealed class TransferRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TicketStatus.Claimed, "agt-ana", "agt-ana", false, null)]
    [InlineData(TicketStatus.Claimed, "agt-bob", "agt-ana", false, TransferOutcome.NotHolder)]
    [InlineData(TicketStatus.AwaitingReview, null, "agt-ana", false, TransferOutcome.NotHolder)]
    [InlineData(TicketStatus.Replied, "agt-ana", "agt-ana", false, TransferOutcome.NotHolder)]
    [InlineData(TicketStatus.Claimed, "agt-bob", "admin-key", true, null)]
    [InlineData(TicketStatus.AwaitingReview, null, "admin-key", true, null)]
    [InlineData(TicketStatus.Escalated, null, "admin-key", true, null)]
    [InlineData(TicketStatus.AutoReplied, null, "admin-key", true, TransferOutcome.NotTransferable)]
    [InlineData(TicketStatus.Resolved, null, "admin-key", true, TransferOutcome.NotTransferable)]
    public void Agents_transfer_what_they_hold_and_admins_anything_claimed_or_waiting(TicketStatus status, string? holder, string actor, bool asAdmin, TransferOutcome? expected)
    {
        Assert.Equal(expected, TransferRules.Refusal(status, holder, actor, asAdmin));
    }

    [Fact]
    public void Only_the_same_caller_target_and_note_as_the_last_entry_is_a_retry()
    {
        var toQueue = Entry("agt-ana", "wrong team", new TransferDetails("review", "risk", "agt-ana", null));
        var toAgent = Entry("agt-ana", "yours", new TransferDetails("review", "review", "agt-ana", "agt-bob"));

        Assert.Equal(toQueue.Transfer, TransferRules.RetryOf(toQueue, "agt-ana", "risk", null, "wrong team"));
        Assert.Equal(toAgent.Transfer, TransferRules.RetryOf(toAgent, "agt-ana", null, "agt-bob", "yours"));
        Assert.Null(TransferRules.RetryOf(toQueue, "agt-ana", "priority", null, "wrong team"));
        Assert.Null(TransferRules.RetryOf(toQueue, "agt-ana", "risk", null, "another note"));
        Assert.Null(TransferRules.RetryOf(toQueue, "admin-key", "risk", null, "wrong team"));
        Assert.Null(TransferRules.RetryOf(toQueue, "agt-ana", null, "agt-bob", "wrong team"));
        Assert.Null(TransferRules.RetryOf(toAgent, "agt-ana", null, "agt-carl", "yours"));
        Assert.Null(TransferRules.RetryOf(toAgent, "agt-ana", "review", null, "yours"));
        Assert.Null(TransferRules.RetryOf(Entry("agt-ana", "wrong team", null), "agt-ana", "risk", null, "wrong team"));
        Assert.Null(TransferRules.RetryOf(null, "agt-ana", "risk", null, "wrong team"));
    }

    [Fact]
    public void An_agent_covers_only_the_queues_of_their_profile()
    {
        Assert.True(TransferRules.Covers(["review", "risk"], "risk"));
        Assert.False(TransferRules.Covers(["review"], "risk"));
        Assert.False(TransferRules.Covers(["review"], null));
    }

    private static AuditEntry Entry(string actor, string note, TransferDetails? details) =>
        new(At, actor, TicketStatus.Claimed, TicketStatus.AwaitingReview, ["transferred"], null, note) { Transfer = details };
}
