using Retenza.Triage.Customers;
using Retenza.Triage.Orders;
using Retenza.Triage.Policy;
using Retenza.Triage.Rules;
using Retenza.Triage.Sentiment;
using static Retenza.UnitTests.Triage.Rules.TriageSamples;

namespace Retenza.UnitTests.Triage.Rules;

public sealed class ContactHistoryRuleTests
{
    private static CustomerContext History(params PriorContact[] contacts) => new(false, 0m, contacts);

    private static OrderLookup FoundOrder => Found(Snapshot());

    [Fact]
    public void Two_earlier_contacts_on_the_same_order_in_the_window_make_a_repeat_citing_ids_and_dates()
    {
        var customer = History(Contact("T-1", 10, "track_order", "RT-10006"), Contact("T-2", 3, "delivery_delayed", "rt-10006"));

        var reason = Assert.Single(Evaluate(Input("Still nothing.", order: FoundOrder, customer: customer)), r => r.Code == ReasonCodes.RepeatContact);

        Assert.Equal("history.repeat_contact", reason.Rule);
        Assert.Equal(
            ["T-1 on 2025-05-22 (same order RT-10006)", "T-2 on 2025-05-29 (same order RT-10006)"],
            reason.Evidence);
        Assert.Equal("2", reason.Inputs["earlier_contacts"]);
    }

    [Fact]
    public void Two_earlier_contacts_with_the_same_intent_on_no_order_make_a_repeat()
    {
        var customer = History(Contact("T-1", 5, "recover_password"), Contact("T-2", 1, "recover_password"));

        var reason = Assert.Single(Evaluate(Input("Still can't log in.", "recover_password", customer: customer)), r => r.Code == ReasonCodes.RepeatContact);

        Assert.Contains("same intent recover_password", reason.Evidence[0], StringComparison.Ordinal);
    }

    [Fact]
    public void One_earlier_contact_is_not_a_repeat()
    {
        var customer = History(Contact("T-1", 2, "track_order", "RT-10006"));

        Assert.DoesNotContain(Evaluate(Input("x", order: FoundOrder, customer: customer)), r => r.Code == ReasonCodes.RepeatContact);
    }

    [Fact]
    public void Contacts_outside_the_window_or_about_something_else_do_not_count()
    {
        var customer = History(
            Contact("T-1", 15, "track_order", "RT-10006"),
            Contact("T-2", 2, "newsletter_subscription", "RT-99999"),
            Contact("T-3", 1, "track_order", "RT-10006"));

        Assert.DoesNotContain(Evaluate(Input("x", order: FoundOrder, customer: customer)), r => r.Code == ReasonCodes.RepeatContact);
    }

    [Fact]
    public void The_window_edge_is_inclusive_and_a_future_dated_contact_is_ignored()
    {
        var edge = History(Contact("T-1", 14, "track_order"), Contact("T-2", 0, "track_order"));
        var future = History(Contact("T-1", 1, "track_order"), Contact("T-2", -1, "track_order"));

        Assert.Contains(Evaluate(Input("x", customer: edge)), r => r.Code == ReasonCodes.RepeatContact);
        Assert.DoesNotContain(Evaluate(Input("x", customer: future)), r => r.Code == ReasonCodes.RepeatContact);
    }

    [Fact]
    public void Other_never_makes_two_emails_the_same_issue()
    {
        var customer = History(Contact("T-1", 2, "other"), Contact("T-2", 1, "other"));

        Assert.DoesNotContain(Evaluate(Input("x", "other", customer: customer)), r => r.Code == ReasonCodes.RepeatContact);
    }

    [Fact]
    public void The_policy_sets_the_count_and_window_and_a_count_below_one_switches_the_rule_off()
    {
        var customer = History(Contact("T-1", 20, "track_order"), Contact("T-2", 1, "track_order"));

        Assert.Contains(Evaluate(Input("x", customer: customer, policy: TriagePolicy.Default with { RepeatContactWindowDays = 30 })), r => r.Code == ReasonCodes.RepeatContact);
        Assert.DoesNotContain(Evaluate(Input("x", customer: customer, policy: TriagePolicy.Default with { RepeatContactWindowDays = 30, RepeatContactCount = 3 })), r => r.Code == ReasonCodes.RepeatContact);
        Assert.DoesNotContain(Evaluate(Input("x", customer: CustomerContext.FirstContact, policy: TriagePolicy.Default with { RepeatContactCount = 0 })), r => r.Code == ReasonCodes.RepeatContact);
    }

    [Fact]
    public void Frustration_rising_none_medium_high_across_contacts_fires_with_the_path()
    {
        var customer = History(Contact("T-1", 6, frustration: "none"), Contact("T-2", 3, frustration: "Medium"));
        var sentiment = new SentimentReading(-0.8, FrustrationLevel.High, ["third time"]);

        var reason = Assert.Single(Evaluate(Input("x", sentiment: sentiment, customer: customer)), r => r.Code == ReasonCodes.RisingFrustration);

        Assert.Equal("none → medium → high", reason.Inputs["levels"]);
        Assert.Equal(["T-1 on 2025-05-26: none", "T-2 on 2025-05-29: medium", "this message: high"], reason.Evidence);
    }

    [Theory]
    [InlineData("medium", "medium", FrustrationLevel.High)]
    [InlineData("high", "medium", FrustrationLevel.High)]
    [InlineData("none", "low", FrustrationLevel.Low)]
    [InlineData("low", "medium", FrustrationLevel.None)]
    public void Flat_falling_or_bumpy_frustration_does_not_fire(string first, string second, FrustrationLevel now)
    {
        var customer = History(Contact("T-1", 6, frustration: first), Contact("T-2", 3, frustration: second));

        Assert.DoesNotContain(Evaluate(Input("x", sentiment: new SentimentReading(0, now, []), customer: customer)), r => r.Code == ReasonCodes.RisingFrustration);
    }

    [Fact]
    public void Rising_frustration_needs_two_readable_earlier_contacts_in_the_window()
    {
        var sentiment = new SentimentReading(-0.8, FrustrationLevel.High, []);
        var unreadable = History(Contact("T-1", 6, frustration: "furious"), Contact("T-2", 3, frustration: "medium"));
        var old = History(Contact("T-1", 40, frustration: "none"), Contact("T-2", 3, frustration: "medium"));

        Assert.DoesNotContain(Evaluate(Input("x", sentiment: sentiment, customer: unreadable)), r => r.Code == ReasonCodes.RisingFrustration);
        Assert.DoesNotContain(Evaluate(Input("x", sentiment: sentiment, customer: old)), r => r.Code == ReasonCodes.RisingFrustration);
    }

    [Fact]
    public void Only_the_latest_two_earlier_contacts_set_the_trend()
    {
        var customer = History(Contact("T-0", 9, frustration: "high"), Contact("T-1", 6, frustration: "low"), Contact("T-2", 3, frustration: "medium"));

        Assert.Contains(Evaluate(Input("x", sentiment: new SentimentReading(-0.9, FrustrationLevel.High, []), customer: customer)), r => r.Code == ReasonCodes.RisingFrustration);
    }
}
