using System.Buffers;

namespace Retenza.Triage.Rules;

/// <summary>Runs a table of phrase rules over a text: the matches that are not negated, and on request the negated ones too.</summary>
public sealed class PhraseMatcher
{
    // When every rule names its required words, one vectorised search over their union tells
    // whether any rule can match at all (most emails: none can).
    private readonly SearchValues<string>? anyRequired;

    public PhraseMatcher(IReadOnlyList<PhraseRule> rules)
    {
        Rules = rules;
        if (rules.Count > 0 && rules.All(rule => rule.Requires.Count > 0))
        {
            anyRequired = SearchValues.Create([.. rules.SelectMany(rule => rule.Requires).Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);
        }
    }

    public static PhraseMatcher Default { get; } = new(PhraseRuleTable.Default);

    public IReadOnlyList<PhraseRule> Rules { get; }

    /// <returns>Matches in text order, each quoting the text exactly as written; negated ones only with <paramref name="includeNegated"/>.</returns>
    public IReadOnlyList<PhraseMatch> Match(string text, bool includeNegated = false)
    {
        var straightened = StraightenApostrophes(text);
        if (anyRequired is not null && straightened.AsSpan().IndexOfAny(anyRequired) < 0)
        {
            return [];
        }

        var matches = new List<PhraseMatch>();
        foreach (var rule in Rules)
        {
            if (!rule.MayMatch(straightened))
            {
                continue;
            }

            foreach (System.Text.RegularExpressions.Match match in rule.Regex.Matches(straightened))
            {
                var negated = rule.Negatable && NegationScope.IsNegated(straightened, match.Index);
                if (!negated || includeNegated)
                {
                    matches.Add(new PhraseMatch(rule, match.Index, text.Substring(match.Index, match.Length), negated));
                }
            }
        }

        return [.. matches.OrderBy(match => match.Index)];
    }

    /// <summary>Replaces typographic apostrophes one for one, so indexes still point into the original text.</summary>
    public static string StraightenApostrophes(string text) =>
        text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u02BC', '\'').Replace('`', '\'');
}
