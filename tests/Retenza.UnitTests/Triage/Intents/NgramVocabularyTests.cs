using Retenza.Triage.Intents;

namespace Retenza.UnitTests.Triage.Intents;

/// <summary>
/// Feature extraction looks character n-grams up by packed key (<see cref="CharGramTable"/>) and falls back to a
/// string dictionary for grams it cannot pack. These tests hold it to the plain definition: every n-gram of the text
/// that the vocabulary lists, counted, in the same order.
/// </summary>
public sealed class NgramVocabularyTests
{
    // Latin with accents, Cyrillic (packable: below U+1000), CJK and an emoji half (not packable), a placeholder.
    private static readonly string[] Texts =
    [
        "where is my parcel",
        "où est mon colis",
        "где моя посылка",
        "我的包裹在哪里 parcel",
        "parcel \ud83d\ude00 late #ref",
        "a",
        "",
    ];

    private static NgramVocabulary Vocabulary() => NgramVocabulary.Build(Texts.Concat(Texts), minDocuments: 1, maxWordGrams: 1000, maxCharGrams: 10_000);

    [Fact]
    public void Extract_finds_exactly_the_listed_ngrams_of_every_script()
    {
        var vocabulary = Vocabulary();
        Assert.Contains(vocabulary.CharGrams, g => g.Any(c => c > 0x0FFF)); // the fallback path is exercised
        foreach (var text in Texts.Append("parcels où где 包裹 unseen words"))
        {
            var expected = Reference(vocabulary, text);
            var actual = Extract(vocabulary, text);
            Assert.Equal(expected.Select(f => f.Index), actual.Select(f => f.Index));
            Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Value, pair.Second.Value, 6));
        }
    }

    [Fact]
    public void Packed_keys_tell_apart_grams_that_differ_in_length_or_one_character()
    {
        Assert.True(CharGramTable.TryPack("abc", out var abc));
        Assert.True(CharGramTable.TryPack("abcd", out var abcd));
        Assert.True(CharGramTable.TryPack("abd", out var abd));
        Assert.True(CharGramTable.TryPack("\u0001abc", out var withLeadingLowChar));
        Assert.Equal(4, new HashSet<ulong> { abc, abcd, abd, withLeadingLowChar }.Count);
    }

    [Theory]
    [InlineData("包裹在")] // above U+0FFF
    [InlineData("abcdef")] // longer than the longest character n-gram
    [InlineData("")]
    public void Grams_that_cannot_be_packed_are_refused(string gram) => Assert.False(CharGramTable.TryPack(gram, out _));

    [Fact]
    public void The_table_finds_every_packable_gram_at_its_index_and_nothing_else()
    {
        string[] grams = ["abc", "bcd", " ab", "éèê", "где", "包裹在"];
        var table = new CharGramTable(grams, offset: 7);

        for (var i = 0; i < grams.Length - 1; i++)
        {
            Assert.True(CharGramTable.TryPack(grams[i], out var key));
            Assert.True(table.TryGetValue(key, out var index));
            Assert.Equal(7 + i, index);
        }

        Assert.True(CharGramTable.TryPack("abd", out var missing));
        Assert.False(table.TryGetValue(missing, out _));
    }

    private static List<(int Index, float Value)> Extract(NgramVocabulary vocabulary, string text)
    {
        var scratch = FeatureScratch.ForCurrentThread(vocabulary.Count);
        var n = vocabulary.Extract(text, scratch);
        return Enumerable.Range(0, n).Select(i => (scratch.Touched[i], scratch.Values[i])).ToList();
    }

    /// <summary>
    /// The definition: word 1–2 grams, then character 3–5 grams of the padded text, length by length, in order of first
    /// occurrence; each family's counts scaled to length 1/√2.
    /// </summary>
    private static List<(int Index, float Value)> Reference(NgramVocabulary vocabulary, string text)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.WordGrams.Count; i++)
        {
            index[vocabulary.WordGrams[i]] = i;
        }

        var chars = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.CharGrams.Count; i++)
        {
            chars[vocabulary.CharGrams[i]] = vocabulary.WordGrams.Count + i;
        }

        var found = new List<int>();
        var counts = new Dictionary<int, int>();
        void Add(Dictionary<string, int> lookup, string gram)
        {
            if (lookup.TryGetValue(gram, out var i))
            {
                if (counts.TryAdd(i, 1))
                {
                    found.Add(i);
                }
                else
                {
                    counts[i]++;
                }
            }
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var w = 0; w < words.Length; w++)
        {
            Add(index, words[w]);
            if (w > 0)
            {
                Add(index, $"{words[w - 1]} {words[w]}");
            }
        }

        if (text.Length > 0)
        {
            var padded = $" {text} ";
            for (var length = NgramVocabulary.MinCharGram; length <= NgramVocabulary.MaxCharGram; length++)
            {
                for (var i = 0; i + length <= padded.Length; i++)
                {
                    Add(chars, padded.Substring(i, length));
                }
            }
        }

        float Norm(bool words) => MathF.Sqrt(found.Where(i => i < vocabulary.WordGrams.Count == words).Sum(i => (float)counts[i] * counts[i]));
        var (wordNorm, charNorm) = (Norm(true), Norm(false));
        return found.Select(i => (i, counts[i] / MathF.Sqrt(2f) / (i < vocabulary.WordGrams.Count ? wordNorm : charNorm))).ToList();
    }
}
