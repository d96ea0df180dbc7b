using Retenza.Triage.Sentiment;

namespace Retenza.UnitTests.Triage.Sentiment;

public sealed class SentimentLexiconTests
{
    [Fact]
    public void The_embedded_lexicon_loads_without_files_and_holds_our_support_weights()
    {
        var lexicon = SentimentLexicon.Default;

        Assert.True(lexicon.Count > 5000, $"only {lexicon.Count} words");
        Assert.True(lexicon.TryGetWeight("unacceptable", out var unacceptable) && unacceptable <= -0.6);
        Assert.True(lexicon.TryGetWeight("happy", out var happy) && happy > 0.5);
        Assert.False(lexicon.TryGetWeight("refund", out _));
        Assert.False(lexicon.TryGetWeight("help", out _));
        Assert.False(lexicon.TryGetWeight("like", out _));
    }

    [Fact]
    public void Every_embedded_weight_is_within_range()
    {
        var lines = File.ReadAllLines(Path.Combine(SharedData.RepositoryRoot!, "models", "sentiment", "lexicon.tsv"))
            .Where(line => !line.StartsWith('#') && line.Length > 0)
            .ToArray();

        Assert.Equal(lines.Length, SentimentLexicon.Default.Count);
        Assert.All(lines, line =>
        {
            var weight = double.Parse(line.Split('\t')[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(Math.Abs(weight), LexiconBuilder.MinWeight, 1);
        });
    }

    [Theory]
    [InlineData("word 0.5")]
    [InlineData("word\tloud")]
    [InlineData("word\t-2")]
    [InlineData("\t0.5")]
    public void A_malformed_line_is_rejected_with_its_number(string line)
    {
        var error = Assert.Throws<FormatException>(() => SentimentLexicon.Parse(new StringReader("# header\n" + line)));

        Assert.Contains("line 2", error.Message);
    }
}
