using System.Buffers;

namespace Retenza.Triage.Rules;

/// <summary>Runs a table of phrase rules over a text and keeps the matches that are not negated.</summary>
public sealed class PhraseMatcher
{
    // When every rule names its required words, one vectorised search over their union tells
    // whether any rule can match at all (most emails: none can).
    private readonly SearchValues<string>? anyRequired;

    public PhraseMatcher(IReadOnlyList<PhraseRule> rules)
    {
        Rules = rules;
        if (rules.Count > 0 && rules.All(rule => rule.Requires.Length > 0))
        {
            anyRequired = SearchValues.Create([.. rules.SelectMany(rule => rule.Requires).Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);
        }
    }

    public static PhraseMatcher Default { get; } = new(PhraseRuleTable.Default);

    public IReadOnlyList<PhraseRule> Rules { get; }

    /// <returns>Matches in text order, each quoting the text exactly as written.</returns>
    public IReadOnlyList<PhraseMatch> Match(string text)
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
                if (!rule.Negatable || !NegationScope.IsNegated(straightened, match.Index))
                {
                    matches.Add(new PhraseMatch(rule, match.Index, text.Substring(match.Index, match.Length)));
                }
            }
        }

        return [.. matches.OrderBy(match => match.Index)];
    }

    /// <summary>Replaces typographic apostrophes one for one, so indexes still point into the original text.</summary>
    public static string StraightenApostrophes(string text) =>
        text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u02BC', '\'').Replace('`', '\'');
}
