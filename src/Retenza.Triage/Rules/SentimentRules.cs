using Retenza.Triage.Sentiment;

namespace Retenza.Triage.Rules;

/// <summary>Rules on how the customer feels: frustration at the policy threshold, and a VIP who is unhappy.</summary>
public static class SentimentRules
{
    /// <summary>A score at or below this is negative (the usual neutral band of lexicon scorers is ±0.05).</summary>
    public const double NegativeScore = -0.05;

    public static IEnumerable<TriageReason> Evaluate(RuleInput input)
    {
        var sentiment = input.Sentiment;
        var threshold = Threshold(input.Policy.FrustrationThreshold);
        if (sentiment.Frustration >= threshold)
        {
            yield return Reasons.Create(
                ReasonCodes.HighFrustration,
                "sentiment.frustration",
                $"Frustration is {Reasons.Snake(sentiment.Frustration)}, at or above the policy threshold ({Reasons.Snake(threshold)}).",
                sentiment.Evidence,
                ("frustration", Reasons.Snake(sentiment.Frustration)),
                ("threshold", Reasons.Snake(threshold)),
                ("score", Reasons.Number(sentiment.Score)));
        }

        if (VipEvidence(input) is { } vip && IsNegative(sentiment))
        {
            yield return Reasons.Create(
                ReasonCodes.VipNegative,
                "customer.vip_negative",
                "A VIP customer is unhappy.",
                [vip, $"sentiment {Reasons.Number(sentiment.Score)}, frustration {Reasons.Snake(sentiment.Frustration)}", .. sentiment.Evidence],
                ("vip", input.Customer.Vip ? "true" : "false"),
                ("lifetime_value", Reasons.Money(input.Customer.LifetimeValue)),
                ("vip_lifetime_value", Reasons.Money(input.Policy.VipLifetimeValue)),
                ("score", Reasons.Number(sentiment.Score)));
        }
    }

    /// <summary>An unreadable threshold falls back to <c>high</c>, SPEC §4's default, rather than to "never".</summary>
    public static FrustrationLevel Threshold(string? configured) =>
        Enum.TryParse<FrustrationLevel>(configured, ignoreCase: true, out var level) && Enum.IsDefined(level) ? level : FrustrationLevel.High;

    private static bool IsNegative(SentimentReading sentiment) =>
        sentiment.Score <= NegativeScore || sentiment.Frustration >= FrustrationLevel.Medium;

    private static string? VipEvidence(RuleInput input)
    {
        if (input.Customer.Vip)
        {
            return "customer is flagged VIP";
        }

        var threshold = input.Policy.VipLifetimeValue;
        return threshold > 0 && input.Customer.LifetimeValue >= threshold
            ? $"lifetime value {Reasons.Money(input.Customer.LifetimeValue)} ≥ {Reasons.Money(threshold)}"
            : null;
    }
}
