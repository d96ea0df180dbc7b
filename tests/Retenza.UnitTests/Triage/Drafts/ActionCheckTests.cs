using Retenza.Triage.Drafts;
using Retenza.Triage.Orders;
using static Retenza.UnitTests.Triage.Rules.TriageSamples;

namespace Retenza.UnitTests.Triage.Drafts;

public sealed class ActionCheckTests
{
    [Theory]
    [InlineData("We've cancelled your order.", DraftActions.Cancellation)]
    [InlineData("Your order RT-10006 has been cancelled.", DraftActions.Cancellation)]
    [InlineData("I\u2019ll cancel it right away.", DraftActions.Cancellation)]
    [InlineData("We'll refund you in full.", DraftActions.Refund)]
    [InlineData("I've started a refund of $20.00.", DraftActions.Refund)]
    [InlineData("You will receive a full refund.", DraftActions.Refund)]
    [InlineData("We'll send you a replacement at no cost.", DraftActions.Replacement)]
    [InlineData("Your replacement is on its way.", DraftActions.Replacement)]
    [InlineData("We'll send you the right one.", DraftActions.Replacement)]
    [InlineData("We'll email you a return label.", DraftActions.Return)]
    [InlineData("Your refund of $20.00 has been issued.", ActionCheck.RefundIssued)]
    [InlineData("We have refunded your order.", ActionCheck.RefundIssued)]
    public void Promises_are_found_in_the_text(string text, string promise)
    {
        Assert.Contains(promise, ActionCheck.FindPromises(text));
    }

    [Theory]
    [InlineData("Your order has already been shipped, so it can no longer be cancelled.")]
    [InlineData("I've passed your request to cancel order RT-10006 to our team.")]
    [InlineData("I've passed your refund request to our team. They'll review it.")]
    [InlineData("A refund has already been requested and is being processed.")]
    [InlineData("Our refund policy is on our website.")]
    [InlineData("Once it arrives, you can send it back and our team will help you with the return.")]
    public void Reviews_and_information_promise_nothing(string text)
    {
        Assert.Empty(ActionCheck.FindPromises(text));
    }

    [Fact]
    public void An_unknown_declared_action_is_not_allowed()
    {
        var check = ActionCheck.Check("Hello.", "teleport", new DraftFacts("track_order", Snapshot(), true, true));

        Assert.False(check.Passed);
        Assert.Contains("unknown action", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operational_action_needs_an_order()
    {
        Assert.False(ActionCheck.Check("We'll send you a replacement.", DraftActions.Replacement, new DraftFacts("damaged_item", null, false, true)).Passed);
        Assert.True(ActionCheck.Check("We'll send you a replacement.", DraftActions.Replacement, new DraftFacts("damaged_item", Snapshot(), true, true)).Passed);
    }

    [Fact]
    public void Saying_a_cancelled_order_is_cancelled_is_a_fact_not_a_promise()
    {
        var facts = new DraftFacts("track_order", Snapshot(status: OrderStatus.Cancelled), true, false);

        Assert.True(ActionCheck.Check("Your order RT-10006 was cancelled.", DraftActions.Information, facts).Passed);
    }
}
