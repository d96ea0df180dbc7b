using Retenza.Tickets;

namespace Retenza.Grains.Tickets;

/// <summary>
/// The legal moves of SPEC §3, in one table so that every operation on a ticket is checked the
/// same way and an illegal move fails loudly instead of corrupting the trail.
/// </summary>
public static class TicketLifecycle
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Next = new()
    {
        [TicketStatus.Received] = [TicketStatus.Triaged],
        [TicketStatus.Triaged] = [TicketStatus.AutoReplied, TicketStatus.AwaitingReview, TicketStatus.Escalated],
        [TicketStatus.AutoReplied] = [TicketStatus.Reopened, TicketStatus.Resolved],
        // A customer's new message on a draft awaiting review can raise it to an escalation (issue 4).
        [TicketStatus.AwaitingReview] = [TicketStatus.Claimed, TicketStatus.Escalated],
        [TicketStatus.Escalated] = [TicketStatus.Claimed],
        // Back to a queue covers release, lease expiry and transfer; resolving unanswered covers spam and duplicates.
        [TicketStatus.Claimed] = [TicketStatus.Replied, TicketStatus.Resolved, TicketStatus.AwaitingReview, TicketStatus.Escalated],
        [TicketStatus.Replied] = [TicketStatus.Resolved, TicketStatus.Reopened],
        [TicketStatus.Resolved] = [TicketStatus.Reopened],
        [TicketStatus.Reopened] = [TicketStatus.Triaged],
    };

    /// <summary>A ticket comes into being only as Received; <paramref name="from"/> null means "no ticket yet".</summary>
    public static bool CanMove(TicketStatus? from, TicketStatus to) =>
        from is null ? to == TicketStatus.Received : Next[from.Value].Contains(to);

    public static void EnsureCanMove(TicketStatus? from, TicketStatus to)
    {
        if (!CanMove(from, to))
        {
            throw new TicketTransitionException(from, to);
        }
    }

    /// <summary>Where triage leaves a ticket for each route.</summary>
    public static TicketStatus StatusFor(Route route) => route switch
    {
        Route.Auto => TicketStatus.AutoReplied,
        Route.Review => TicketStatus.AwaitingReview,
        Route.Escalate => TicketStatus.Escalated,
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };
}
