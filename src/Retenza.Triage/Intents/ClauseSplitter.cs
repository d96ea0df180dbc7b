using System.Text.RegularExpressions;

namespace Retenza.Triage.Intents;

/// <summary>
/// Cuts an email into sentences and clauses so each can be classified alone: a second, separate issue
/// ("…and also, can you change my address?") hides inside the whole-text prediction otherwise.
/// Splits at sentence ends, line breaks and semicolons, and before words that usually open another
/// topic ("also", "btw", "P.S.", "another thing", "separately").
/// </summary>
public static partial class ClauseSplitter
{
    /// <summary>
    /// Clauses shorter than this many words carry too little to classify on their own. Two words are enough for a
    /// closing imperative ("…still not dispatched. Cancel it.") that names a second request, but not for a denial
    /// ("Not suing.") or a bare "P.S.": see <see cref="IsShortNonRequest"/>.
    /// </summary>
    public const int MinWords = 2;

    /// <summary>At most this many clauses are returned (the start of an email says what it is about).</summary>
    public const int MaxClauses = 12;

    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clauses = new List<string>();
        foreach (var sentence in SentenceBoundary().Split(text))
        {
            foreach (var clause in TopicShift().Split(sentence))
            {
                var trimmed = clause.Trim(' ', '\t', ',', '-', '–', '—', ':');
                var words = WordCount(trimmed);
                if (words >= MinWords && !(words == MinWords && IsShortNonRequest(trimmed)))
                {
                    clauses.Add(trimmed);
                    if (clauses.Count == MaxClauses)
                    {
                        return clauses;
                    }
                }
            }
        }

        return clauses;
    }

    /// <summary>The clause opens with a word that announces another topic ("Also, …", "P.S. …").</summary>
    public static bool OpensNewTopic(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return TopicMarker().IsMatch(clause);
    }

    /// <summary>A two-word clause that denies ("Not suing", "No refund") or only marks a topic ("P.S.").</summary>
    private static bool IsShortNonRequest(string clause) => ShortNonRequest().IsMatch(clause);

    private static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWordChar = char.IsLetterOrDigit(c);
            if (isWordChar && !inWord)
            {
                count++;
            }

            inWord = isWordChar;
        }

        return count;
    }

    // A full stop needs a space or the end after it, so "RT-1.5" or "www.shop.com" stay whole.
    [GeneratedRegex(@"(?<=[.!?])\s+|[\r\n]+|;", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBoundary();

    private const string Markers = @"(?:also|additionally|btw|by the way|p\.?s\.?|another thing|one more thing|separately|on another note|unrelated)\b";

    [GeneratedRegex(@",?\s+(?:and\s+)?(?=" + Markers + ")", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TopicShift();

    [GeneratedRegex(@"^(?:and\s+)?" + Markers, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TopicMarker();

    // "Don't worry" counts three words (the apostrophe splits "don" and "t"), so only unapostrophised forms matter here.
    [GeneratedRegex(@"^(?:(?:not|no|never|nothing|dont|didnt|wont|isnt|wasnt)\b|p\.?\s?s\.?$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ShortNonRequest();
}
