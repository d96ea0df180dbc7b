using Retenza.Triage.Customers;

namespace Retenza.Triage.Rules;

/// <summary>
/// Rules on a reply to a ticket we answered automatically: the customer wrote back unhappy
/// (<c>auto_reply_failed</c>, which also counts against the intent's auto-send record), or asked for
/// a person (<c>human_requested</c>, citing the automatic reply that did not do).
/// </summary>
public static class ThreadRules
{
    public static IEnumerable<TriageReason> Evaluate(RuleInput input, IReadOnlyList<TriageReason> fired)
    {
        if (input.Customer.Thread is not { AutoReplyMessageId: { } autoReply } thread)
        {
            yield break;
        }

        var cited = $"auto reply {autoReply} on {thread.TicketId}" + (thread.AutoRepliedAt is { } at ? $" at {Reasons.Date(at)}" : "");
        var sentiment = input.Sentiment;
        if (sentiment.Score <= SentimentRules.NegativeScore || sentiment.Frustration >= Sentiment.FrustrationLevel.Medium)
        {
            yield return Reasons.Create(
                ReasonCodes.AutoReplyFailed,
                "thread.auto_reply_failed",
                "The customer wrote back unhappy after an automatic reply.",
                [cited, $"sentiment {Reasons.Number(sentiment.Score)}, frustration {Reasons.Snake(sentiment.Frustration)}", .. sentiment.Evidence],
                ("ticket", thread.TicketId),
                ("auto_reply", autoReply),
                ("intent", thread.Intent ?? ""),
                ("score", Reasons.Number(sentiment.Score)),
                ("frustration", Reasons.Snake(sentiment.Frustration)));
        }

        var asked = fired.Where(r => r.Code == ReasonCodes.HumanRequested).ToList();
        if (asked.Count > 0)
        {
            yield return Reasons.Create(
                ReasonCodes.HumanRequested,
                "thread.human_after_auto_reply",
                "The customer asked for a person after an automatic reply.",
                [cited, .. asked.SelectMany(r => r.Evidence).Distinct(StringComparer.OrdinalIgnoreCase)],
                ("ticket", thread.TicketId),
                ("auto_reply", autoReply),
                ("intent", thread.Intent ?? ""));
        }
    }
}
