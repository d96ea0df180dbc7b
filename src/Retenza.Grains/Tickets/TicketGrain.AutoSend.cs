using Microsoft.Extensions.DependencyInjection;
using Retenza.Grains.Analytics;
using Retenza.Tickets;
using Retenza.Triage.Rules;

namespace Retenza.Grains.Tickets;

/// <summary>
/// Issue 4: the intent's auto-send record (under-escalation). Counted in the silo's <see cref="AutoSendTally"/>
/// after the ticket's own write, so it adds no grain call and no write to ingest; the tally flushes on a timer.
/// </summary>
public sealed partial class TicketGrain
{
    private AutoSendTally? _tally;

    private AutoSendTally? Tally => _tally ??= ServiceProvider.GetService<AutoSendTally>();

    /// <summary>After an opening or a reopen: a reply went out without a human.</summary>
    private void CountAutoSend()
    {
        if (Ticket.Status == TicketStatus.AutoReplied)
        {
            Tally?.AutoSent(Key.Tenant, Ticket.Assessment?.Details?.Intent?.Name ?? "unknown");
        }
    }

    /// <summary>
    /// After a reply on an auto-replied thread: an unhappy answer or a request for a person counts as a
    /// failure of the auto reply, against the intent that reply was sent for (not the new message's).
    /// </summary>
    private void CountAutoReplyOutcome(TicketStatus previous, string? autoSentIntent, Assessment assessment)
    {
        if (previous == TicketStatus.AutoReplied
            && assessment.Reasons.Any(r => r.Code is ReasonCodes.AutoReplyFailed or ReasonCodes.HumanRequested))
        {
            Tally?.Failed(Key.Tenant, autoSentIntent ?? "unknown");
        }
    }
}
