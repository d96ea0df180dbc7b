using Retenza.Grains.Tickets;
using Retenza.Tickets;

namespace Retenza.UnitTests.Tickets;

public sealed class TicketLifecycleTests
{
    // SPEC §3, written out independently of the implementation's table so a change to either is caught.
    private static readonly HashSet<(TicketStatus From, TicketStatus To)> Legal =
    [
        (TicketStatus.Received, TicketStatus.Triaged),
        (TicketStatus.Triaged, TicketStatus.AutoReplied),
        (TicketStatus.Triaged, TicketStatus.AwaitingReview),
        (TicketStatus.Triaged, TicketStatus.Escalated),
        (TicketStatus.AutoReplied, TicketStatus.Reopened),
        (TicketStatus.AutoReplied, TicketStatus.Resolved),
        (TicketStatus.AwaitingReview, TicketStatus.Claimed),
        (TicketStatus.AwaitingReview, TicketStatus.Escalated), // issue 4: a new customer message raised it
        (TicketStatus.Escalated, TicketStatus.Claimed),
        (TicketStatus.Claimed, TicketStatus.Replied),
        (TicketStatus.Claimed, TicketStatus.Resolved),
        (TicketStatus.Claimed, TicketStatus.AwaitingReview),
        (TicketStatus.Claimed, TicketStatus.Escalated),
        (TicketStatus.Replied, TicketStatus.Resolved),
        (TicketStatus.Replied, TicketStatus.Reopened),
        (TicketStatus.Resolved, TicketStatus.Reopened),
        (TicketStatus.Reopened, TicketStatus.Triaged),
    ];

    public static TheoryData<TicketStatus, TicketStatus> AllPairs()
    {
        var data = new TheoryData<TicketStatus, TicketStatus>();
        foreach (var from in Enum.GetValues<TicketStatus>())
        {
            foreach (var to in Enum.GetValues<TicketStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_move_is_allowed_exactly_when_the_spec_allows_it(TicketStatus from, TicketStatus to)
    {
        var legal = Legal.Contains((from, to));

        Assert.Equal(legal, TicketLifecycle.CanMove(from, to));
        if (legal)
        {
            TicketLifecycle.EnsureCanMove(from, to);
        }
        else
        {
            var error = Assert.Throws<TicketTransitionException>(() => TicketLifecycle.EnsureCanMove(from, to));
            Assert.Contains($"{from} → {to}", error.Message);
        }
    }

    [Fact]
    public void A_ticket_can_only_begin_as_received()
    {
        Assert.True(TicketLifecycle.CanMove(null, TicketStatus.Received));
        Assert.All(Enum.GetValues<TicketStatus>().Where(s => s != TicketStatus.Received),
            s => Assert.False(TicketLifecycle.CanMove(null, s)));
    }

    [Theory]
    [InlineData(Route.Auto, TicketStatus.AutoReplied)]
    [InlineData(Route.Review, TicketStatus.AwaitingReview)]
    [InlineData(Route.Escalate, TicketStatus.Escalated)]
    public void Each_route_has_its_status(Route route, TicketStatus status) =>
        Assert.Equal(status, TicketLifecycle.StatusFor(route));
}
