using Retenza.Triage.Routing;

namespace Retenza.Triage.Rules;

/// <summary>
/// The hard rules of SPEC §4. Every rule that fires becomes one reason; the router, not the rules,
/// decides what the reasons do. Human-only codes fire twice over on purpose: from the classifier
/// (<c>intent.*</c>) and from the phrase table (<c>phrase.*</c>), so either alone reaches a human.
/// </summary>
public sealed class RuleEngine(PhraseMatcher phrases) : IRuleEngine
{
    public RuleEngine()
        : this(PhraseMatcher.Default)
    {
    }

    public IReadOnlyList<TriageReason> Evaluate(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        List<TriageReason> reasons =
        [
            .. IntentRules.Evaluate(input),
            .. PhraseReasons(input),
            .. ContactHistoryRules.Evaluate(input),
            .. SentimentRules.Evaluate(input),
            .. OrderRules.Evaluate(input),
            .. MessageRules.Evaluate(input),
        ];

        // Last: the thread rules read what the others found (a request for a human after an auto reply).
        reasons.AddRange(ThreadRules.Evaluate(input, reasons));
        return reasons;
    }

    private IEnumerable<TriageReason> PhraseReasons(RuleInput input)
    {
        // The subject counts: "Chargeback" is often all a customer writes there.
        var text = input.Email.Subject + "\n" + input.Email.ScoringText;
        var matches = phrases.Match(text, includeNegated: true);
        var affirmed = matches.Where(match => !match.Negated).ToArray();
        foreach (var group in affirmed.GroupBy(match => match.Rule.Code))
        {
            yield return Reasons.Create(
                group.Key,
                "phrase." + group.Key,
                $"The customer's own words match the {group.Key} phrase rules.",
                Quotes(group).Distinct(StringComparer.OrdinalIgnoreCase),
                ("patterns", string.Join(",", group.Select(match => match.Rule.Id).Distinct())));
        }

        // "I'm not going to sue or anything, I just want…" is no threat, but a canned reply to it reads as tone-deaf:
        // a person answers. Only for human-only matters the customer did not also raise outright.
        var denied = matches
            .Where(match => match.Negated && IntentPolicy.IsHumanOnly(input.Policy, match.Rule.Code))
            .Where(match => affirmed.All(a => a.Rule.Code != match.Rule.Code))
            .ToArray();
        if (denied.Length > 0)
        {
            var codes = denied.Select(match => match.Rule.Code).Distinct().ToArray();
            yield return Reasons.Create(
                ReasonCodes.NegatedRiskMention,
                "phrase.negated_risk_mention",
                $"The customer mentions {string.Join(", ", codes)} only to deny it; not escalated as such, but a person should reply.",
                Quotes(denied).Distinct(StringComparer.OrdinalIgnoreCase),
                ("codes", string.Join(",", codes)),
                ("patterns", string.Join(",", denied.Select(match => match.Rule.Id).Distinct())));
        }
    }

    /// <summary>The matched texts in order; a match inside a longer one ("chargeback" in "file a chargeback") is not quoted twice.</summary>
    private static IEnumerable<string> Quotes(IEnumerable<PhraseMatch> matches)
    {
        var kept = new List<PhraseMatch>();
        foreach (var match in matches.OrderBy(m => m.Index).ThenByDescending(m => m.Text.Length))
        {
            if (!kept.Any(k => match.Index >= k.Index && match.Index + match.Text.Length <= k.Index + k.Text.Length))
            {
                kept.Add(match);
            }
        }

        return kept.Select(match => match.Text);
    }
}
