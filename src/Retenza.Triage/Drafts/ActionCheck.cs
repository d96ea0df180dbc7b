using System.Text.RegularExpressions;
using Retenza.Triage.Orders;

namespace Retenza.Triage.Drafts;

/// <summary>
/// <c>action_allowed</c>: the draft's declared action, and every promise found by re-reading its
/// text, must be something the store may say now. A refund may be called issued only when the
/// snapshot says so; a cancellation only before the order ships (or once it is cancelled); a
/// refund, replacement or return only where the policy lets this intent auto-send. Anything else
/// must be worded as "our team will review".
/// </summary>
public static partial class ActionCheck
{
    public const string Name = "action_allowed";

    /// <summary>A promise found in the text, by kind, in the order drafts are checked.</summary>
    public static readonly IReadOnlyList<(string Promise, Regex Pattern)> Promises =
    [
        (DraftActions.Cancellation, CancellationText()),
        (DraftActions.Refund, RefundPromiseText()),
        (DraftActions.Replacement, ReplacementText()),
        (DraftActions.Return, ReturnText()),
        (RefundIssued, RefundIssuedText()),
    ];

    /// <summary>Not an action but a claim: "your refund has been issued".</summary>
    public const string RefundIssued = "refund_issued";

    public static IReadOnlyList<string> FindPromises(string text)
    {
        var straightened = Rules.PhraseMatcher.StraightenApostrophes(text);
        return [.. Promises.Where(p => p.Pattern.IsMatch(straightened)).Select(p => p.Promise)];
    }

    public static DraftCheck Check(string text, string action, DraftFacts facts)
    {
        var problems = new List<string>();
        if (Refusal(action, facts) is { } declared)
        {
            problems.Add($"declared action '{action}': {declared}");
        }

        foreach (var promise in FindPromises(text).Where(p => p != action))
        {
            if (Refusal(promise, facts) is { } found)
            {
                problems.Add($"the text promises '{promise}': {found}");
            }
        }

        return problems.Count == 0
            ? new DraftCheck(Name, true, $"'{action}' is allowed for {facts.Intent}{OrderNote(facts)}.")
            : new DraftCheck(Name, false, string.Join("; ", problems));
    }

    /// <returns>Why the action is not allowed, or null when it is.</returns>
    private static string? Refusal(string action, DraftFacts facts)
    {
        switch (action)
        {
            case DraftActions.Information or DraftActions.AgentReview or DraftActions.Handoff:
                return null;
            case RefundIssued:
                return facts.RefundStatus == RefundStatus.Issued ? null : "the order's refund is not issued";
            case DraftActions.Cancellation:
                if (facts.Is(OrderStatus.Cancelled))
                {
                    return null;
                }

                if (!facts.Is(OrderStatus.Placed, OrderStatus.Paid))
                {
                    return facts.Found ? $"the order is already {OrderWording.Status(facts.Order!.Status)}" : "no order was found";
                }

                return facts.AutoSendAllowed ? null : $"the policy does not let {facts.Intent} auto-send, so a person must decide";
            case DraftActions.Refund or DraftActions.Replacement or DraftActions.Return:
                if (!facts.Found)
                {
                    return "no order was found";
                }

                return facts.AutoSendAllowed ? null : $"the policy does not let {facts.Intent} auto-send, so a person must decide";
            default:
                return "unknown action";
        }
    }

    private static string OrderNote(DraftFacts facts) => facts.Found ? $" on order {facts.Order!.OrderId} ({OrderWording.Status(facts.Order.Status)})" : "";

    [GeneratedRegex(@"\b(?:we|i)(?:'ve|\s+have|'ll|\s+will)\s+(?:now\s+)?cancel(?:l?ed)?\b|\border\b(?:[^.!?\n]|\.\d){0,30}\b(?:has\s+been|was|is\s+now|is\s+already|is)\s+cancel(?:l)?ed\b", RegexOptions.IgnoreCase)]
    private static partial Regex CancellationText();

    [GeneratedRegex(@"\b(?:we|i)(?:'ll|\s+will|'m\s+going\s+to|\s+am\s+going\s+to)\s+(?:issue|process|arrange|send|give|start)\s+(?:you\s+)?(?:a|your|the)\s+(?:full\s+|partial\s+)?refund\b|\b(?:we|i)(?:'ve|\s+have)\s+(?:started|arranged|initiated|begun|requested)\s+(?:you\s+)?(?:a|your|the)\s+(?:full\s+|partial\s+)?refund\b|\byou(?:'ll|\s+will)\s+(?:get|receive)\s+(?:a|your)\s+(?:full\s+)?refund\b|\b(?:we|i)(?:'ll|\s+will)\s+refund\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefundPromiseText();

    [GeneratedRegex(@"\b(?:we|i)(?:'ll|\s+will|'ve|\s+have|'m|\s+am)\s+(?:going\s+to\s+)?(?:send|sending|sent|ship|shipping|shipped|dispatch(?:ed|ing)?|arrang(?:e|ed|ing))\b[^.!?\n]{0,40}\b(?:replacement|again|right\s+one|correct\s+(?:one|item)|new\s+one)\b|\breplacement\b[^.!?\n]{0,30}\b(?:is|has\s+been|was)\s+(?:on\s+its\s+way|sent|dispatched|shipped)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReplacementText();

    [GeneratedRegex(@"\b(?:we|i)(?:'ll|\s+will|'ve|\s+have)\s+(?:email|send|sent|emailed)\s+(?:you\s+)?(?:a\s+)?(?:prepaid\s+)?return\s+(?:label|instructions)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReturnText();

    [GeneratedRegex(@"\brefund\b(?:[^.!?\n]|\.\d){0,60}?\b(?:was|has\s+been|is\s+now|got)\s+(?:issued|processed|sent|paid|completed)\b|\b(?:we|i)(?:'ve|\s+have)\s+(?:issued|processed|sent|paid)\s+(?:you\s+)?(?:a|your|the)\s+(?:full\s+|partial\s+)?refund\b|\b(?:we|i)(?:'ve|\s+have)\s+refunded\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefundIssuedText();
}
