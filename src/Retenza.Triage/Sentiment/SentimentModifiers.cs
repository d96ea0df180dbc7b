namespace Retenza.Triage.Sentiment;

/// <summary>
/// The words that change other words' weight: negations, intensifiers and dampeners, "but", and
/// the verbs of things that should have happened ("received", "arrived", "replied"), which carry
/// no sentiment on their own but are negative when negated ("never received").
/// </summary>
internal static class SentimentModifiers
{
    /// <summary>A negated positive word turns negative, a little weaker (VADER's scalar).</summary>
    public const double NegatedPositiveFactor = -0.74;

    /// <summary>A negated negative word is only mildly positive: "not bad" is not "good".</summary>
    public const double NegatedNegativeFactor = -0.5;

    /// <summary>The weight of a negated expectation: "haven't received", "no one replied".</summary>
    public const double UnmetExpectationWeight = -0.25;

    /// <summary>Words before "but" in a sentence count this much, words after it <see cref="AfterButFactor"/>.</summary>
    public const double BeforeButFactor = 0.5;

    public const double AfterButFactor = 1.5;

    public const double ShoutingFactor = 1.5;

    /// <summary>How many words back a negation or an intensifier reaches.</summary>
    public const int Scope = 3;

    /// <summary>An unmet expectation needs its negation close: "didn't get a reply" counts once, for "get".</summary>
    public const int ExpectationScope = 2;

    /// <summary>Intensifiers and dampeners lose a little force with each word between them and the word they modify.</summary>
    public static readonly double[] DistanceDecay = [1.0, 0.95, 0.9];

    private static readonly Dictionary<string, double> Intensity = new(StringComparer.Ordinal)
    {
        ["extremely"] = 0.5, ["absolutely"] = 0.5, ["incredibly"] = 0.5, ["utterly"] = 0.5, ["totally"] = 0.5,
        ["completely"] = 0.5, ["insanely"] = 0.5, ["beyond"] = 0.4, ["very"] = 0.3, ["so"] = 0.3, ["really"] = 0.3,
        ["super"] = 0.3, ["seriously"] = 0.3, ["truly"] = 0.3, ["highly"] = 0.3, ["deeply"] = 0.3, ["such"] = 0.3,
        ["hugely"] = 0.3, ["terribly"] = 0.3, ["awfully"] = 0.3, ["too"] = 0.15, ["quite"] = 0.15, ["pretty"] = 0.15,
        ["most"] = 0.15, ["more"] = 0.1, ["slightly"] = -0.3, ["somewhat"] = -0.3, ["barely"] = -0.5,
        ["hardly"] = -0.5, ["marginally"] = -0.3, ["mildly"] = -0.3, ["partly"] = -0.3, ["fairly"] = -0.15,
        ["rather"] = -0.1, ["little"] = -0.3, ["bit"] = -0.3, ["tad"] = -0.3,
    };

    /// <summary>Two-word dampeners, by their second word: "kind of", "sort of".</summary>
    private static readonly Dictionary<string, string[]> DampenerPairs = new(StringComparer.Ordinal)
    {
        ["of"] = ["kind", "sort"],
    };

    private const double PairDampening = -0.3;

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "without", "cannot", "cant", "dont",
        "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "havent", "hasnt", "hadnt", "wont", "wouldnt",
        "shouldnt", "couldnt", "aint", "nowhere",
    };

    private static readonly HashSet<string> Expectations = new(StringComparer.Ordinal)
    {
        "receive", "received", "arrive", "arrived", "come", "came", "deliver", "delivered", "work", "works",
        "worked", "working", "reply", "replied", "respond", "responded", "answer", "answered", "hear", "heard",
        "refunded", "fixed", "resolved", "help", "helped", "show", "showed", "shown", "ship", "shipped", "sent",
        "get", "got", "gotten", "update", "updated", "contacted", "called", "emailed", "processed", "returned",
    };

    private static readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> IntensityLookup =
        Intensity.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> DampenerPairLookup =
        DampenerPairs.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegationLookup =
        Negations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ExpectationLookup =
        Expectations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <param name="word">Lower case.</param>
    /// <param name="previous">The lower-case word before it, or empty: "no one" negates like "nobody".</param>
    public static bool IsNegation(ReadOnlySpan<char> word, ReadOnlySpan<char> previous) =>
        NegationLookup.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal) ||
        (word.SequenceEqual("one") && previous.SequenceEqual("no"));

    /// <param name="word">Lower case.</param>
    public static bool IsExpectation(ReadOnlySpan<char> word) => ExpectationLookup.Contains(word);

    public static bool IsBut(ReadOnlySpan<char> word) => word.SequenceEqual("but");

    /// <summary>The intensity change a word (or the pair ending at it) gives the word after it: +0.3 for "very", -0.3 for "kind of".</summary>
    /// <param name="previous">The lower-case word before <paramref name="word"/>, or empty.</param>
    public static double IntensityOf(ReadOnlySpan<char> word, ReadOnlySpan<char> previous)
    {
        if (DampenerPairLookup.TryGetValue(word, out var firsts))
        {
            foreach (var first in firsts)
            {
                if (previous.SequenceEqual(first))
                {
                    return PairDampening;
                }
            }
        }

        return IntensityLookup.TryGetValue(word, out var intensity) ? intensity : 0;
    }
}
