using Retenza.Triage.Intents;

namespace Retenza.UnitTests.Triage.Intents;

public sealed class IntentFamiliesTests
{
    [Theory]
    [InlineData("damaged_item", "get_refund")]
    [InlineData("get_refund", "return_request")]
    [InlineData("track_order", "delivery_delayed")]
    [InlineData("cancel_order", "check_cancellation_fee")]
    [InlineData("recover_password", "edit_account")]
    public void A_remedy_or_a_detail_of_the_same_problem_is_not_a_second_issue(string main, string candidate) =>
        Assert.False(IntentFamilies.IsSeparateIssue(main, candidate));

    [Theory]
    [InlineData("get_refund", "change_shipping_address")]
    [InlineData("track_order", "newsletter_subscription")]
    [InlineData("damaged_item", "delete_account")]
    public void Unrelated_requests_are_separate_issues(string main, string candidate) =>
        Assert.True(IntentFamilies.IsSeparateIssue(main, candidate));

    [Theory]
    [InlineData("complaint")]
    [InlineData("contact_human_agent")]
    [InlineData("other")]
    public void Tone_channel_and_out_of_scope_are_never_a_second_issue(string candidate) =>
        Assert.False(IntentFamilies.IsSeparateIssue("track_order", candidate));

    [Fact]
    public void Every_human_only_intent_is_always_a_separate_issue()
    {
        foreach (var humanOnly in IntentTaxonomy.HumanOnly)
        {
            Assert.True(IntentFamilies.IsSeparateIssue("get_refund", humanOnly), humanOnly);
            Assert.True(IntentFamilies.IsSeparateIssue("payment_issue", humanOnly), humanOnly);
        }
    }

    [Fact]
    public void The_main_intent_is_not_its_own_second_issue() =>
        Assert.False(IntentFamilies.IsSeparateIssue("fraud_claim", "fraud_claim"));
}
