using Retenza.Customers;
using Retenza.Orders;
using Retenza.Tickets;
using Retenza.Triage.Customers;
using Retenza.Triage.Policy;

namespace Retenza.Grains.Customers;

/// <summary>
/// The customer's memory as plain logic: contacts kept in a bounded list (older ones folded into a
/// summary), and what triage and the API read from it: earlier contacts, open tickets, trend, VIP.
/// </summary>
public static class ContactHistory
{
    /// <summary>Contacts kept one by one: far more than a 14-day repeat window needs, small enough for one storage row.</summary>
    public const int MaxContacts = 200;

    public const int MaxTickets = 200;

    /// <summary>
    /// Earlier contacts handed to triage (newest first). The context travels to the ticket and is stored in
    /// its assessment, so it is kept to what rules and the briefing use: far more than a repeat threshold needs.
    /// </summary>
    public const int MaxContextContacts = 25;

    /// <summary>Adds a contact; the oldest fall into the summary so the state never grows without bound.</summary>
    public static void Record(CustomerState state, ContactRecord contact, int maxContacts = MaxContacts)
    {
        state.Contacts.Add(contact);
        while (state.Contacts.Count > maxContacts)
        {
            state.Older = Fold(state.Older, state.Contacts[0]);
            state.Contacts.RemoveAt(0);
        }
    }

    public static void AddTicket(CustomerState state, CustomerTicket ticket, int maxTickets = MaxTickets)
    {
        state.Tickets.Add(ticket);
        while (state.Tickets.Count > maxTickets)
        {
            // Counted for the history, and kept by id for erasure and export (written to an index page when one fills).
            state.IndexPending.Add(state.Tickets[0].TicketId);
            state.Tickets.RemoveAt(0);
            state.EarlierTickets++;
        }
    }

    /// <summary>Remembers an order of this customer; false when it is already known (nothing to write).</summary>
    public static bool LinkOrder(CustomerState state, string orderId, int maxOrders)
    {
        if (state.Orders.Contains(orderId, StringComparer.Ordinal))
        {
            return false;
        }

        state.Orders.Add(orderId);
        while (state.Orders.Count > maxOrders)
        {
            state.IndexPending.Add(OrderIds.ForOrder(state.Orders[0]));
            state.Orders.RemoveAt(0);
        }

        return true;
    }

    /// <summary>
    /// A message after erasure starts a fresh record: the erased era's counts are dropped from the
    /// customer (they stay on the anonymised tickets), so triage sees a first contact. False when not erased.
    /// </summary>
    public static bool StartAfterErasure(CustomerState state)
    {
        if (state.ErasedAt is null || state.Contacts.Count > 0 || state.Tickets.Count > 0 || (state.Older.Contacts == 0 && state.EarlierTickets == 0))
        {
            return false;
        }

        state.Older = HistorySummary.Empty;
        state.EarlierTickets = 0;
        return true;
    }

    public static HistorySummary Fold(HistorySummary summary, ContactRecord contact)
    {
        var byIntent = new Dictionary<string, int>(summary.ByIntent, StringComparer.Ordinal);
        var intent = contact.Intent ?? "unknown";
        byIntent[intent] = byIntent.GetValueOrDefault(intent) + 1;
        return new HistorySummary(
            summary.Contacts + 1,
            summary.From is { } from && from <= contact.At ? from : contact.At,
            summary.Until is { } until && until >= contact.At ? until : contact.At,
            byIntent,
            summary.Escalated + (contact.Route == Route.Escalate ? 1 : 0),
            summary.Reopened + (contact.Reopened ? 1 : 0));
    }

    /// <summary>The ticket a message id was routed to, if it is still in the kept history.</summary>
    public static string? TicketOf(CustomerState state, string normalizedMessageId) =>
        state.Contacts.FindLast(c => c.MessageId == normalizedMessageId)?.TicketId;

    /// <summary>The latest known status of each ticket the history mentions; <paramref name="fresher"/> overrides it.</summary>
    public static Dictionary<string, TicketStatus> Statuses(CustomerState state, IReadOnlyDictionary<string, TicketStatus>? fresher = null)
    {
        var statuses = new Dictionary<string, TicketStatus>(StringComparer.Ordinal);
        foreach (var contact in state.Contacts)
        {
            statuses[contact.TicketId] = contact.Status;
        }

        foreach (var (ticket, status) in fresher ?? new Dictionary<string, TicketStatus>())
        {
            if (statuses.ContainsKey(ticket))
            {
                statuses[ticket] = status;
            }
        }

        return statuses;
    }

    public static int OpenTickets(IReadOnlyDictionary<string, TicketStatus> statuses) =>
        statuses.Values.Count(s => s != TicketStatus.Resolved);

    public static bool IsVip(CustomerState state, TriagePolicy policy) =>
        state.Vip || (policy.VipLifetimeValue > 0 && state.LifetimeValue >= policy.VipLifetimeValue);

    public static string Trend(CustomerState state) => FrustrationTrend.Of(state.Contacts.Select(c => c.Frustration));

    /// <summary>What triage may know about this customer for a new message: earlier contacts newest first, and the flags.</summary>
    public static CustomerContext Context(CustomerState state, TriagePolicy policy, IReadOnlyDictionary<string, TicketStatus> statuses, bool exists) =>
        new(IsVip(state, policy), state.LifetimeValue, [.. state.Contacts.AsEnumerable().Reverse().Take(MaxContextContacts).Select(ToPrior)])
        {
            FirstContactAt = exists && state.Contacts.Count + state.Older.Contacts > 0 ? state.FirstContactAt : null,
            OpenTickets = OpenTickets(statuses),
            Trend = Trend(state),
            SummarisedContacts = state.Older.Contacts + Math.Max(0, state.Contacts.Count - MaxContextContacts),
        };

    private static PriorContact ToPrior(ContactRecord c) =>
        new(c.TicketId, c.At, c.Intent, c.OrderId, c.Sentiment, c.Frustration, c.Route?.ToString().ToLowerInvariant(), Snake(c.Status))
        {
            MessageId = c.MessageId,
            Reopened = c.Reopened,
        };

    private static string Snake(TicketStatus status) => Retenza.Triage.Rules.Reasons.Snake(status);
}
