using System.Text.RegularExpressions;

namespace Retenza.Triage.Rules;

/// <summary>
/// Decides whether a phrase is negated by the words just before it: "I'm not going to sue",
/// "I don't want a chargeback", "no need to involve lawyers". Walking back from the phrase, only
/// words that keep a verb phrase together ("going", "to", "want", "a"…) may stand between the
/// negation and the phrase; any other word ends the scope. So in "if this isn't fixed I will
/// contact my lawyer" the "isn't" belongs to another clause (the walk stops at "I") and the threat
/// stands. A negation followed by "want to have to" is a veiled threat, not a denial.
/// </summary>
public static partial class NegationScope
{
    /// <summary>How many words before the phrase the walk may cover.</summary>
    public const int MaxWords = 6;

    private static readonly char[] ClauseBreaks = ['.', '!', '?', ';', ':', ',', '\n', '(', ')'];

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "nobody", "none", "nothing", "nor", "neither", "without", "cannot",
        "dont", "wont", "cant", "didnt", "doesnt", "isnt", "arent", "wasnt", "werent", "wouldnt", "shouldnt", "couldnt",
        "havent", "hasnt", "hadnt", "neednt", "mustnt", "aint",
        "avoid", "avoiding", "instead", "than",
    };

    private static readonly HashSet<string> VerbPhraseWords = new(StringComparer.Ordinal)
    {
        "to", "going", "gonna", "want", "wanna", "wish", "need", "intend", "intention", "intentions", "plan", "plans",
        "planning", "have", "has", "had", "having", "any", "a", "an", "the", "my", "our", "your", "of", "ever", "even",
        "really", "actually", "be", "being", "been", "bother", "consider", "considering", "thinking", "think", "about",
        "involve", "involving", "file", "filing", "open", "opening", "make", "making", "do", "doing", "get", "getting",
        "call", "calling", "contact", "contacting", "take", "taking", "start", "starting", "threaten", "threatening",
        "seek", "seeking", "pursue", "pursuing", "with", "this", "it", "that", "is", "are", "was", "claim", "claiming",
        "say", "saying", "accuse", "accusing", "anyone", "anybody", "will", "would", "use", "using", "go", "try",
        "trying", "at", "all", "further", "more", "speak", "talk", "ask", "asking", "raise", "raising",
    };

    // A negation followed by one of these is a threat in disguise ("I don't want to have to call my lawyer").
    private static readonly string[][] VeiledThreats = [["want", "to", "have", "to"], ["wanna", "have", "to"]];

    /// <param name="text">Text with straightened apostrophes.</param>
    /// <param name="phraseStart">Where the matched phrase begins.</param>
    public static bool IsNegated(string text, int phraseStart)
    {
        if (phraseStart <= 0)
        {
            return false;
        }

        var clauseStart = text.LastIndexOfAny(ClauseBreaks, phraseStart - 1) + 1;

        var words = Word().Matches(text[clauseStart..phraseStart]).Select(m => Normalize(m.Value)).ToArray();
        for (var i = words.Length - 1; i >= 0 && i >= words.Length - MaxWords; i--)
        {
            if (Negations.Contains(words[i]))
            {
                return !StartsVeiledThreat(words, i + 1);
            }

            if (!VerbPhraseWords.Contains(words[i]))
            {
                return false;
            }
        }

        return false;
    }

    private static string Normalize(string word) => word.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal);

    private static bool StartsVeiledThreat(string[] words, int from) =>
        VeiledThreats.Any(threat => words.Skip(from).Take(threat.Length).SequenceEqual(threat));

    [GeneratedRegex(@"[A-Za-z']+")]
    private static partial Regex Word();
}
