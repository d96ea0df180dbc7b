using System.Globalization;

namespace Retenza.Triage.Sentiment;

/// <summary>
/// Word → sentiment weight in [-1, 1]. <see cref="Default"/> is our derived lexicon
/// (models/sentiment/lexicon.tsv), embedded in this assembly so it loads without file paths.
/// Lookups take the lower-cased word as a span, so scoring allocates no strings.
/// </summary>
public sealed class SentimentLexicon
{
    private const string ResourceName = "Retenza.Triage.Sentiment.lexicon.tsv";

    private static readonly Lazy<SentimentLexicon> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, double> _weights;
    private readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private SentimentLexicon(Dictionary<string, double> weights)
    {
        _weights = weights;
        _lookup = weights.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static SentimentLexicon Default => Embedded.Value;

    public int Count => _weights.Count;

    /// <param name="word">The word, lower case.</param>
    public bool TryGetWeight(ReadOnlySpan<char> word, out double weight) => _lookup.TryGetValue(word, out weight);

    public static SentimentLexicon FromWeights(IEnumerable<KeyValuePair<string, double>> weights) =>
        new(weights.ToDictionary(entry => entry.Key.ToLowerInvariant(), entry => entry.Value, StringComparer.Ordinal));

    /// <summary>Reads the lexicon.tsv format: '#' comments, then word&lt;TAB&gt;weight lines.</summary>
    public static SentimentLexicon Parse(TextReader reader)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            if (tab <= 0 || !double.TryParse(line.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) ||
                weight is < -1 or > 1)
            {
                throw new FormatException($"Lexicon line {lineNumber} is not 'word<TAB>weight in [-1, 1]': '{line}'.");
            }

            weights[line[..tab]] = weight;
        }

        return new SentimentLexicon(weights);
    }

    private static SentimentLexicon LoadEmbedded()
    {
        using var stream = typeof(SentimentLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded sentiment lexicon '{ResourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
