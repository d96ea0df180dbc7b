namespace Retenza.Triage.Intents;

/// <summary>
/// The model's features: word 1–2 grams and character 3–5 grams (over the text padded with one space
/// each side, so word starts and ends are visible), each family counted, L2-normalised and scaled by
/// 1/√2 so a text's whole vector has unit length. Word features come first, then character features.
/// Normalised text (see <see cref="IntentTextNormalizer"/>) has single spaces between words, so every
/// n-gram is a slice of it and lookups allocate nothing.
/// </summary>
internal sealed class NgramVocabulary
{
    public const int MinCharGram = 3;
    public const int MaxCharGram = 5;

    private static readonly float BlockScale = 1f / MathF.Sqrt(2f);

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _chars;
    private readonly CharGramTable _packedChars;

    public NgramVocabulary(IReadOnlyList<string> wordGrams, IReadOnlyList<string> charGrams)
    {
        WordGrams = wordGrams;
        CharGrams = charGrams;
        _words = Index(wordGrams, offset: 0).GetAlternateLookup<ReadOnlySpan<char>>();
        _chars = Index(charGrams, offset: wordGrams.Count).GetAlternateLookup<ReadOnlySpan<char>>();
        _packedChars = new CharGramTable(charGrams, offset: wordGrams.Count);
    }

    public IReadOnlyList<string> WordGrams { get; }

    public IReadOnlyList<string> CharGrams { get; }

    public int Count => WordGrams.Count + CharGrams.Count;

    /// <summary>
    /// Keeps the n-grams found in at least <paramref name="minDocuments"/> texts, the most widespread first,
    /// at most <paramref name="maxWordGrams"/> word and <paramref name="maxCharGrams"/> character n-grams.
    /// </summary>
    public static NgramVocabulary Build(IEnumerable<string> normalizedTexts, int minDocuments, int maxWordGrams, int maxCharGrams)
    {
        var wordFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var charFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in normalizedTexts)
        {
            seen.Clear();
            ForEachWordGram(text, (start, length) => seen.Add(text.Substring(start, length)));
            CountOnce(seen, wordFrequency);

            seen.Clear();
            var padded = $" {text} ";
            ForEachCharGram(padded.AsSpan(), (start, length) => seen.Add(padded.Substring(start, length)));
            CountOnce(seen, charFrequency);
        }

        return new NgramVocabulary(Select(wordFrequency, minDocuments, maxWordGrams), Select(charFrequency, minDocuments, maxCharGrams));
    }

    /// <summary>
    /// Extracts the features of <paramref name="normalized"/> into <paramref name="scratch"/>:
    /// <c>Touched[0..n)</c> are the feature indices (unordered) and <c>Values[0..n)</c> their values.
    /// </summary>
    /// <returns>n, the number of distinct features found.</returns>
    public int Extract(ReadOnlySpan<char> normalized, FeatureScratch scratch)
    {
        var padded = normalized.Length + 2;
        scratch.EnsureCapacity(2 * normalized.Length + (MaxCharGram - MinCharGram + 1) * padded + 4, padded);
        var counts = scratch.Counts;
        var touched = scratch.Touched;
        var n = 0;

        var start = 0;
        var previousStart = -1;
        while (start < normalized.Length)
        {
            var end = normalized[start..].IndexOf(' ');
            end = end < 0 ? normalized.Length : start + end;
            Count(_words, normalized[start..end]);
            if (previousStart >= 0)
            {
                Count(_words, normalized[previousStart..end]);
            }

            previousStart = start;
            start = end + 1;
        }

        var wordEnd = n;

        var chars = scratch.Padded.AsSpan(0, padded);
        chars[0] = ' ';
        normalized.CopyTo(chars[1..]);
        chars[^1] = ' ';
        if (normalized.Length > 0)
        {
            for (var length = MinCharGram; length <= MaxCharGram; length++)
            {
                for (var i = 0; i + length <= chars.Length; i++)
                {
                    CountChars(chars.Slice(i, length));
                }
            }
        }

        Normalise(scratch, 0, wordEnd);
        Normalise(scratch, wordEnd, n);
        return n;

        void Count(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> gram)
        {
            if (lookup.TryGetValue(gram, out var index) && counts[index]++ == 0)
            {
                touched[n++] = index;
            }
        }

        void CountChars(ReadOnlySpan<char> gram)
        {
            if (!CharGramTable.TryPack(gram, out var key))
            {
                Count(_chars, gram);
            }
            else if (_packedChars.TryGetValue(key, out var index) && counts[index]++ == 0)
            {
                touched[n++] = index;
            }
        }
    }

    private static void Normalise(FeatureScratch scratch, int from, int to)
    {
        var counts = scratch.Counts;
        var sumOfSquares = 0f;
        for (var i = from; i < to; i++)
        {
            float count = counts[scratch.Touched[i]];
            sumOfSquares += count * count;
        }

        var scale = sumOfSquares > 0 ? BlockScale / MathF.Sqrt(sumOfSquares) : 0f;
        for (var i = from; i < to; i++)
        {
            ref var count = ref counts[scratch.Touched[i]];
            scratch.Values[i] = count * scale;
            count = 0;
        }
    }

    private static void ForEachWordGram(string normalized, Action<int, int> visit)
    {
        var start = 0;
        var previousStart = -1;
        while (start < normalized.Length)
        {
            var end = normalized.IndexOf(' ', start);
            end = end < 0 ? normalized.Length : end;
            visit(start, end - start);
            if (previousStart >= 0)
            {
                visit(previousStart, end - previousStart);
            }

            previousStart = start;
            start = end + 1;
        }
    }

    private static void ForEachCharGram(ReadOnlySpan<char> padded, Action<int, int> visit)
    {
        if (padded.Length <= 2)
        {
            return;
        }

        for (var length = MinCharGram; length <= MaxCharGram; length++)
        {
            for (var i = 0; i + length <= padded.Length; i++)
            {
                visit(i, length);
            }
        }
    }

    private static void CountOnce(HashSet<string> grams, Dictionary<string, int> frequency)
    {
        foreach (var gram in grams)
        {
            frequency[gram] = frequency.GetValueOrDefault(gram) + 1;
        }
    }

    private static List<string> Select(Dictionary<string, int> frequency, int minDocuments, int max) =>
        frequency
            .Where(pair => pair.Value >= minDocuments)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(max)
            .Select(pair => pair.Key)
            .ToList();

    private static Dictionary<string, int> Index(IReadOnlyList<string> grams, int offset)
    {
        var index = new Dictionary<string, int>(grams.Count, StringComparer.Ordinal);
        for (var i = 0; i < grams.Count; i++)
        {
            if (!index.TryAdd(grams[i], offset + i))
            {
                throw new InvalidDataException($"the vocabulary lists '{grams[i]}' twice");
            }
        }

        return index;
    }
}
