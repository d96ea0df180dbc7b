using Retenza.Triage.Routing;
using Retenza.Triage.Rules;

namespace Retenza.Triage.Confidence;

/// <summary>
/// How sure we are that the draft is right to send, with the factors that say why.
/// <para>
/// Combination: a weighted product, <c>score = Π valueᵢ ^ weightᵢ</c>, each value in [0, 1].
/// Not a weighted mean: a mean would lift a calibrated 0.81 towards 1 when the other factors are
/// perfect, and auto-send mail whose intent is wrong one time in five. With a product every factor
/// can only lower the score, so the score never exceeds the intent probability, and a weight above
/// one makes a factor bite harder (draft checks: two failed checks of three leave a ninth).
/// Then a cap: if a draft check failed, or no checked draft exists, the score is held just below
/// the intent's high threshold, so such a draft can never be auto-sent on confidence alone.
/// </para>
/// Deterministic: the same input always gives the same score, in [0, 1].
/// </summary>
public sealed class ConfidenceScorer
{
    public const string IntentProbability = "intent_probability";
    public const string DataCompleteness = "data_completeness";
    public const string DraftChecks = "draft_checks";
    public const string LanguageMatch = "language_match";

    public const double IntentWeight = 1.0;
    public const double DataWeight = 1.0;
    public const double DraftWeight = 2.0;
    public const double LanguageWeight = 1.0;

    /// <summary>How far below the high threshold a failed draft check holds the score.</summary>
    public const double CapMargin = 0.01;

    // Data completeness when the intent needs an order: found but lacking a field the answer needs;
    // not named in the email (the draft asks for it); named but unknown (a typo, or a fraud attempt).
    public const double OrderIncomplete = 0.8;
    public const double OrderNotReferenced = 0.75;
    public const double OrderNotFound = 0.65;

    // Language: undetermined or a shaky foreign guess costs a little; a confident foreign language
    // halves the score, since the reply is written in a language the customer did not use.
    public const double LanguageUnsure = 0.9;
    public const double LanguageUnsupported = 0.5;

    /// <summary>The draft-check value when there is no checked draft: nothing verified, not nothing wrong.</summary>
    public const double NoCheckedDraft = 0.5;

    public ConfidenceScore Score(ConfidenceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (draftValue, draftDetail, draftFailed) = Draft(input);
        ConfidenceFactor[] factors =
        [
            Intent(input),
            Data(input),
            new(DraftChecks, draftValue, DraftWeight, draftDetail),
            Language(input),
        ];

        var score = factors.Aggregate(1.0, (product, factor) => product * Math.Pow(factor.Value, factor.Weight));
        if (draftFailed)
        {
            var cap = Math.Max(0, IntentPolicy.HighThreshold(input.Policy, input.Intent.Name) - CapMargin);
            if (score > cap)
            {
                score = cap;
                factors[2] = factors[2] with { Detail = $"{draftDetail} Capped at {Reasons.Number(cap)}, below the high threshold, so it cannot auto-send." };
            }
        }

        return new ConfidenceScore(Math.Clamp(score, 0, 1), factors);
    }

    private static ConfidenceFactor Intent(ConfidenceInput input)
    {
        var probability = Unit(input.Intent.Probability);
        return new(IntentProbability, probability, IntentWeight, $"The classifier gives {input.Intent.Name} a calibrated probability of {Reasons.Number(probability)} ({input.Intent.Stage}).");
    }

    private static ConfidenceFactor Data(ConfidenceInput input)
    {
        var intent = input.Intent.Name;
        var order = input.Order;
        if (!OrderRequirements.NeedsOrder(intent))
        {
            return new(DataCompleteness, 1, DataWeight, $"{intent} needs no order.");
        }

        if (order.Snapshot is { } snapshot)
        {
            var missing = OrderRequirements.MissingFields(intent, snapshot);
            return missing.Count == 0
                ? new(DataCompleteness, 1, DataWeight, $"Order {snapshot.OrderId} was found with everything {intent} needs.")
                : new(DataCompleteness, OrderIncomplete, DataWeight, $"Order {snapshot.OrderId} was found but lacks what {intent} needs: {string.Join(", ", missing)}.");
        }

        return order.Referenced
            ? new(DataCompleteness, OrderNotFound, DataWeight, $"{intent} needs an order; {order.Reference} was referenced but not found.")
            : new(DataCompleteness, OrderNotReferenced, DataWeight, $"{intent} needs an order and the email names none; the draft asks for it.");
    }

    private static (double Value, string Detail, bool Failed) Draft(ConfidenceInput input)
    {
        if (input.Draft is not { Checks.Count: > 0 } draft)
        {
            return (NoCheckedDraft, "No checked draft was written.", true);
        }

        var passed = draft.Checks.Count(c => c.Passed);
        var failed = draft.Checks.Where(c => !c.Passed).Select(c => c.Name).ToList();
        var detail = failed.Count == 0
            ? $"All {draft.Checks.Count} draft checks passed."
            : $"{passed} of {draft.Checks.Count} draft checks passed; failed: {string.Join(", ", failed)}.";
        return ((double)passed / draft.Checks.Count, detail, failed.Count > 0);
    }

    private static ConfidenceFactor Language(ConfidenceInput input)
    {
        var language = input.Language;
        var supported = input.Policy.SupportedLanguages;
        if (supported.Contains(language.Code, StringComparer.OrdinalIgnoreCase))
        {
            return new(LanguageMatch, 1, LanguageWeight, $"Written in '{language.Code}', a language the store answers in.");
        }

        return MessageRules.IsUnsupported(language, supported)
            ? new(LanguageMatch, LanguageUnsupported, LanguageWeight, $"Written in '{language.Code}' (confidence {Reasons.Number(language.Confidence)}), which the store does not answer in.")
            : new(LanguageMatch, LanguageUnsure, LanguageWeight, $"The language is uncertain ('{language.Code}', confidence {Reasons.Number(language.Confidence)}).");
    }

    /// <summary>Clamps to [0, 1]; NaN, which no comparison can route safely, counts as 0.</summary>
    private static double Unit(double value) => double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);
}
