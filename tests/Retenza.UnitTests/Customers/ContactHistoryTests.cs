using Retenza.Customers;
using Retenza.Grains.Customers;
using Retenza.Tickets;
using Retenza.Triage.Customers;
using Retenza.Triage.Policy;

namespace Retenza.UnitTests.Customers;

public sealed class ContactHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ContactRecord Contact(int i, string ticket = "tkt-a", TicketStatus status = TicketStatus.AwaitingReview, string? frustration = null, Route route = Route.Review) =>
        new($"m{i}", ticket, T0.AddHours(i), i % 2 == 0 ? "track_order" : "refund", "RT-1", -0.1, frustration, route, status, false, false);

    [Fact]
    public void History_stays_bounded_and_older_contacts_are_counted_in_the_summary()
    {
        var state = new CustomerState();
        for (var i = 0; i < 25; i++)
        {
            ContactHistory.Record(state, Contact(i, route: i < 3 ? Route.Escalate : Route.Review), maxContacts: 10);
        }

        Assert.Equal(10, state.Contacts.Count);
        Assert.Equal("m15", state.Contacts[0].MessageId);
        Assert.Equal(15, state.Older.Contacts);
        Assert.Equal(T0, state.Older.From);
        Assert.Equal(T0.AddHours(14), state.Older.Until);
        Assert.Equal(8, state.Older.ByIntent["track_order"]);
        Assert.Equal(7, state.Older.ByIntent["refund"]);
        Assert.Equal(3, state.Older.Escalated);
        Assert.Null(ContactHistory.TicketOf(state, "m3"));
        Assert.Equal("tkt-a", ContactHistory.TicketOf(state, "m20"));
    }

    [Fact]
    public void Tickets_stay_bounded_too()
    {
        var state = new CustomerState();
        for (var i = 0; i < 5; i++)
        {
            ContactHistory.AddTicket(state, new CustomerTicket($"t{i}", $"m{i}", "s", null, T0), maxTickets: 3);
        }

        Assert.Equal(["t2", "t3", "t4"], state.Tickets.Select(t => t.TicketId));
        Assert.Equal(2, state.EarlierTickets);
    }

    [Fact]
    public void Open_tickets_use_the_latest_status_per_ticket_and_fresher_reads()
    {
        var state = new CustomerState();
        ContactHistory.Record(state, Contact(1, "tkt-a", TicketStatus.AutoReplied));
        ContactHistory.Record(state, Contact(2, "tkt-b", TicketStatus.Escalated));
        ContactHistory.Record(state, Contact(3, "tkt-a", TicketStatus.Resolved));

        Assert.Equal(1, ContactHistory.OpenTickets(ContactHistory.Statuses(state)));
        var fresher = new Dictionary<string, TicketStatus> { ["tkt-b"] = TicketStatus.Resolved, ["tkt-unknown"] = TicketStatus.Escalated };
        Assert.Equal(0, ContactHistory.OpenTickets(ContactHistory.Statuses(state, fresher)));
    }

    [Theory]
    [InlineData(false, 0, false)]
    [InlineData(true, 0, true)]
    [InlineData(false, 4999.99, false)]
    [InlineData(false, 5000, true)]
    public void Vip_is_the_flag_or_lifetime_value_at_the_policy_amount(bool flag, double value, bool expected)
    {
        var state = new CustomerState { Vip = flag, LifetimeValue = (decimal)value };

        Assert.Equal(expected, ContactHistory.IsVip(state, TriagePolicy.Default));
        Assert.Equal(expected, ContactHistory.Context(state, TriagePolicy.Default, new Dictionary<string, TicketStatus>(), true).Vip);
    }

    [Fact]
    public void Context_lists_earlier_contacts_newest_first_with_the_trend_and_flags()
    {
        var state = new CustomerState { FirstContactAt = T0 };
        ContactHistory.Record(state, Contact(1, frustration: "none"));
        ContactHistory.Record(state, Contact(2, frustration: "low"));
        ContactHistory.Record(state, Contact(3, frustration: "medium") with { Reopened = true });

        var context = ContactHistory.Context(state, TriagePolicy.Default, ContactHistory.Statuses(state), true);

        Assert.Equal(["m3", "m2", "m1"], context.EarlierContacts.Select(c => c.MessageId));
        Assert.Equal("medium", context.EarlierContacts[0].Frustration);
        Assert.Equal("awaiting_review", context.EarlierContacts[0].Outcome);
        Assert.Equal("review", context.EarlierContacts[0].Route);
        Assert.True(context.EarlierContacts[0].Reopened);
        Assert.Equal(FrustrationTrend.Rising, context.Trend);
        Assert.Equal(1, context.OpenTickets);
        Assert.Equal(T0, context.FirstContactAt);
    }

    [Fact]
    public void Triage_gets_only_the_newest_contacts_and_the_rest_as_a_count()
    {
        var state = new CustomerState();
        for (var i = 0; i < 40; i++)
        {
            ContactHistory.Record(state, Contact(i), maxContacts: 30);
        }

        var context = ContactHistory.Context(state, TriagePolicy.Default, ContactHistory.Statuses(state), true);

        Assert.Equal(ContactHistory.MaxContextContacts, context.EarlierContacts.Count);
        Assert.Equal("m39", context.EarlierContacts[0].MessageId);
        Assert.Equal(40 - ContactHistory.MaxContextContacts, context.SummarisedContacts);
    }

    [Fact]
    public void A_customer_who_never_wrote_has_no_first_contact()
    {
        var context = ContactHistory.Context(new CustomerState(), TriagePolicy.Default, new Dictionary<string, TicketStatus>(), exists: true);

        Assert.Null(context.FirstContactAt);
        Assert.Empty(context.EarlierContacts);
        Assert.Equal(FrustrationTrend.Unknown, context.Trend);
    }
}
