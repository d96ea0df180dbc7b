using Retenza.Outcomes;

namespace Retenza.Grains.Outcomes;

/// <summary>
/// Classifies a sent reply against the AI draft by normalised word-level edit distance
/// d = Levenshtein(words(draft), words(final)) / max(word counts), after collapsing whitespace:
/// d = 0 accepted as-is; d ≤ 0.15 light edit (a greeting, a sentence, typos); d ≤ 0.50 heavy edit
/// (substantial changes, same reply); above that rewritten. Words, not characters: cheap on long
/// emails (O(words²)) and a fixed typo counts as one changed word.
/// </summary>
public static class DraftEditClassifier
{
    public const double LightEditMax = 0.15;
    public const double HeavyEditMax = 0.50;

    public static (DraftOutcomeClass Class, double? Distance) Classify(string? draft, string final)
    {
        if (string.IsNullOrWhiteSpace(draft))
        {
            return (DraftOutcomeClass.NoDraft, null);
        }

        var distance = Distance(draft, final);
        var outcome = distance switch
        {
            0 => DraftOutcomeClass.AcceptedAsIs,
            <= LightEditMax => DraftOutcomeClass.LightEdit,
            <= HeavyEditMax => DraftOutcomeClass.HeavyEdit,
            _ => DraftOutcomeClass.Rewritten,
        };
        return (outcome, Math.Round(distance, 4));
    }

    public static double Distance(string a, string b)
    {
        var x = Words(a);
        var y = Words(b);
        var longest = Math.Max(x.Length, y.Length);
        return longest == 0 ? 0 : (double)Levenshtein(x, y) / longest;
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static int Levenshtein(string[] a, string[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
