using System.Globalization;
using System.Text.RegularExpressions;

namespace Retenza.Triage.Sentiment;

/// <summary>
/// Derives our sentiment lexicon (word → weight in [-1, 1]) from the VADER and AFINN-165 word
/// lists plus our own support-mail terms. Deterministic: the same inputs give the same file.
/// <list type="number">
/// <item>VADER mean valence / 4 and AFINN score / 5, each mapped into [-1, 1]; case variants averaged.</item>
/// <item>Single words only (no emoticons, no multi-word AFINN phrases: our analyzer handles phrases itself).</item>
/// <item>Where both lists have a word, the mean of the two; where one has it, that one. VADER-only words
/// whose raters disagreed (standard deviation ≥ <see cref="MaxVaderOnlyDeviation"/>) are left out.</item>
/// <item>Our support terms replace the blend; a support weight of 0 removes the word.</item>
/// <item>Rounded to 2 decimals; words whose weight rounds below <see cref="MinWeight"/> are left out.</item>
/// </list>
/// Rerun with <c>dotnet run models/sentiment/build-lexicon.cs -- ../shared/data</c> from the repository root.
/// </summary>
public static partial class LexiconBuilder
{
    public const double MaxVaderOnlyDeviation = 1.5;

    public const double MinWeight = 0.05;

    public static SortedDictionary<string, double> Build(TextReader vader, TextReader afinn, TextReader supportTerms)
    {
        var vaderWeights = ReadVader(vader);
        var afinnWeights = ReadAfinn(afinn);
        var blended = new Dictionary<string, double>(StringComparer.Ordinal);

        foreach (var (word, (weight, deviation)) in vaderWeights)
        {
            if (afinnWeights.TryGetValue(word, out var afinnWeight))
            {
                blended[word] = (weight + afinnWeight) / 2;
            }
            else if (deviation < MaxVaderOnlyDeviation)
            {
                blended[word] = weight;
            }
        }

        foreach (var (word, weight) in afinnWeights)
        {
            blended.TryAdd(word, weight);
        }

        foreach (var (word, weight) in ReadSupportTerms(supportTerms))
        {
            blended[word] = weight;
        }

        var lexicon = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (word, weight) in blended)
        {
            var rounded = Math.Round(Math.Clamp(weight, -1, 1), 2, MidpointRounding.AwayFromZero);
            if (Math.Abs(rounded) >= MinWeight)
            {
                lexicon[word] = rounded;
            }
        }

        return lexicon;
    }

    public static void Write(IReadOnlyDictionary<string, double> lexicon, TextWriter output)
    {
        output.Write("""
            # Retenza sentiment lexicon: word<TAB>weight in [-1, 1] (negative is unhappy).
            # Derived by Retenza.Triage.Sentiment.LexiconBuilder from the VADER lexicon (MIT, C.J. Hutto and
            # E. Gilbert 2014), AFINN-165 (Apache-2.0, Finn Årup Nielsen) and models/sentiment/support-terms.tsv.
            # Do not edit by hand: edit support-terms.tsv and regenerate (see models/sentiment/README.md).

            """.Replace("\r\n", "\n"));
        foreach (var (word, weight) in lexicon.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            output.Write(word);
            output.Write('\t');
            output.Write(weight.ToString("0.00", CultureInfo.InvariantCulture));
            output.Write('\n');
        }
    }

    /// <summary>VADER: token, mean valence in [-4, 4], standard deviation, raw ratings.</summary>
    private static Dictionary<string, (double Weight, double Deviation)> ReadVader(TextReader reader)
    {
        var sums = new Dictionary<string, (double Weight, double Deviation, int Count)>(StringComparer.Ordinal);
        foreach (var fields in Rows(reader))
        {
            var word = fields[0].ToLowerInvariant();
            if (fields.Length < 3 || !IsWord(word))
            {
                continue;
            }

            var weight = Number(fields[1]) / 4;
            var deviation = Number(fields[2]);
            var sum = sums.GetValueOrDefault(word);
            sums[word] = (sum.Weight + weight, Math.Max(sum.Deviation, deviation), sum.Count + 1);
        }

        return sums.ToDictionary(entry => entry.Key, entry => (entry.Value.Weight / entry.Value.Count, entry.Value.Deviation), StringComparer.Ordinal);
    }

    /// <summary>AFINN-165: word or phrase, integer valence in [-5, 5].</summary>
    private static Dictionary<string, double> ReadAfinn(TextReader reader)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var fields in Rows(reader))
        {
            var word = fields[0].ToLowerInvariant();
            if (fields.Length >= 2 && IsWord(word))
            {
                weights[word] = Number(fields[1]) / 5;
            }
        }

        return weights;
    }

    /// <summary>Ours: word, weight in [-1, 1], a comment saying why; '#' lines are comments.</summary>
    private static IEnumerable<(string Word, double Weight)> ReadSupportTerms(TextReader reader)
    {
        foreach (var fields in Rows(reader))
        {
            if (fields.Length < 2 || !IsWord(fields[0]))
            {
                throw new FormatException($"Support term line '{string.Join('\t', fields)}' is not 'word<TAB>weight'.");
            }

            var weight = Number(fields[1]);
            if (weight is < -1 or > 1)
            {
                throw new FormatException($"Support term '{fields[0]}' has weight {weight}, outside [-1, 1].");
            }

            yield return (fields[0], weight);
        }
    }

    private static IEnumerable<string[]> Rows(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return line.Split('\t');
            }
        }
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool IsWord(string token) => Word().IsMatch(token);

    [GeneratedRegex(@"^[a-z][a-z'-]*[a-z]$")]
    private static partial Regex Word();
}
