using Retenza.Triage.Customers;
using Retenza.Triage.Rules;
using Retenza.Triage.Sentiment;
using static Retenza.UnitTests.Triage.Rules.TriageSamples;

namespace Retenza.UnitTests.Triage.Rules;

public sealed class ThreadRuleTests
{
    private static readonly ThreadContext AfterAutoReply = new("tkt-a", "auto_replied", 2, "track_order", "RT-10006")
    {
        AutoReplyMessageId = "tkt-a.1@retenza",
        AutoRepliedAt = Now.AddHours(-2),
    };

    private static CustomerContext On(ThreadContext thread) => CustomerContext.FirstContact with { Thread = thread };

    [Fact]
    public void An_unhappy_reply_after_an_auto_reply_is_auto_reply_failed_citing_the_reply()
    {
        var angry = new SentimentReading(-0.6, FrustrationLevel.Medium, ["useless"]);

        var reason = Assert.Single(Evaluate(Input("That was useless.", sentiment: angry, customer: On(AfterAutoReply))), r => r.Code == ReasonCodes.AutoReplyFailed);

        Assert.Equal("thread.auto_reply_failed", reason.Rule);
        Assert.Equal("auto reply tkt-a.1@retenza on tkt-a at 2025-06-01", reason.Evidence[0]);
        Assert.Contains("useless", reason.Evidence);
        Assert.Equal("track_order", reason.Inputs["intent"]);
    }

    [Fact]
    public void A_calm_reply_after_an_auto_reply_is_not_a_failure()
    {
        Assert.DoesNotContain(Evaluate(Input("Thanks, got it.", customer: On(AfterAutoReply))), r => r.Code == ReasonCodes.AutoReplyFailed);
    }

    [Fact]
    public void An_unhappy_reply_on_a_thread_without_an_auto_reply_is_not_auto_reply_failed()
    {
        var angry = new SentimentReading(-0.6, FrustrationLevel.High, []);
        var agentAnswered = AfterAutoReply with { PreviousStatus = "replied", AutoReplyMessageId = null, AutoRepliedAt = null };

        Assert.DoesNotContain(Evaluate(Input("No.", sentiment: angry, customer: On(agentAnswered))), r => r.Code == ReasonCodes.AutoReplyFailed);
        Assert.DoesNotContain(Evaluate(Input("No.", sentiment: angry)), r => r.Code == ReasonCodes.AutoReplyFailed);
    }

    [Fact]
    public void Asking_for_a_person_after_an_auto_reply_adds_a_human_requested_reason_citing_the_reply()
    {
        var reasons = Evaluate(Input("Can I speak to a real person please?", customer: On(AfterAutoReply)));

        var thread = Assert.Single(reasons, r => r.Rule == "thread.human_after_auto_reply");
        Assert.Equal(ReasonCodes.HumanRequested, thread.Code);
        Assert.StartsWith("auto reply tkt-a.1@retenza", thread.Evidence[0], StringComparison.Ordinal);
        Assert.True(thread.Evidence.Count > 1, "the customer's words are quoted too");
    }

    [Fact]
    public void Asking_for_a_person_without_an_auto_reply_fires_only_the_phrase_rule()
    {
        var reasons = Evaluate(Input("Can I speak to a real person please?"));

        Assert.Contains(reasons, r => r.Code == ReasonCodes.HumanRequested);
        Assert.DoesNotContain(reasons, r => r.Rule == "thread.human_after_auto_reply");
    }
}
