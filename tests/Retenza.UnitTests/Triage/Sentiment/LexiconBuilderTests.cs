using Retenza.Triage.Sentiment;

namespace Retenza.UnitTests.Triage.Sentiment;

public sealed class LexiconBuilderTests
{
    // Our own miniature inputs in the VADER (token, mean, sd, ratings) and AFINN (word, score) formats.
    private const string Vader = """
        :)	2.0	0.5	[2, 2]
        good	2.0	0.5	[2, 2]
        Good	1.0	0.5	[1, 1]
        gloomy	-2.0	0.4	[-2, -2]
        meh	-1.0	1.8	[-3, 1]
        iffy	-1.0	0.9	[-1, -1]
        help	1.7	0.7	[2, 1]
        nice	0.1	0.3	[0, 0]
        """;

    private const string Afinn = """
        good	3
        gloomy	-2
        meh	-1
        does not work	-3
        terrific	4
        help	2
        """;

    private const string Support = """
        # ours
        help	0	a request, not praise
        useless	-0.6	explicit frustration
        """;

    private static SortedDictionary<string, double> Build(string support = Support) =>
        LexiconBuilder.Build(new StringReader(Vader), new StringReader(Afinn), new StringReader(support));

    [Fact]
    public void Words_in_both_lists_get_the_mean_of_the_normalised_weights()
    {
        var lexicon = Build();

        // VADER good: mean of 2.0 and 1.0 (case variants) / 4 = 0.375; AFINN 3 / 5 = 0.6.
        Assert.Equal(0.49, lexicon["good"]);
        Assert.Equal(-0.45, lexicon["gloomy"]);
    }

    [Fact]
    public void Words_in_one_list_keep_that_weight()
    {
        var lexicon = Build();

        Assert.Equal(-0.25, lexicon["iffy"]);
        Assert.Equal(0.8, lexicon["terrific"]);
    }

    [Fact]
    public void Emoticons_phrases_contested_vader_words_and_tiny_weights_are_left_out()
    {
        var lexicon = Build();

        Assert.DoesNotContain(":)", lexicon.Keys);
        Assert.DoesNotContain("does not work", lexicon.Keys);
        Assert.DoesNotContain("nice", lexicon.Keys);
        // meh is contested in VADER (sd 1.8) but AFINN confirms it, so the blend stays.
        Assert.Equal(-0.23, lexicon["meh"]);
    }

    [Fact]
    public void Support_terms_replace_the_blend_and_zero_removes_a_word()
    {
        var lexicon = Build();

        Assert.DoesNotContain("help", lexicon.Keys);
        Assert.Equal(-0.6, lexicon["useless"]);
    }

    [Theory]
    [InlineData("two words\t0.5")]
    [InlineData("word\t1.5")]
    [InlineData("word")]
    public void A_malformed_support_term_is_rejected(string line)
    {
        Assert.Throws<FormatException>(() => Build(line));
    }

    [Fact]
    public void The_written_file_reads_back_as_the_same_lexicon()
    {
        var lexicon = Build();
        var file = new StringWriter();

        LexiconBuilder.Write(lexicon, file);
        var parsed = SentimentLexicon.Parse(new StringReader(file.ToString()));

        Assert.StartsWith("# Retenza sentiment lexicon", file.ToString());
        Assert.Contains("\ngloomy\t-0.45\n", file.ToString());
        Assert.Equal(lexicon.Count, parsed.Count);
        foreach (var (word, weight) in lexicon)
        {
            Assert.True(parsed.TryGetWeight(word, out var read) && read == weight, word);
        }
    }

    [Fact]
    public void Building_twice_gives_the_same_file()
    {
        string Written()
        {
            var file = new StringWriter();
            LexiconBuilder.Write(Build(), file);
            return file.ToString();
        }

        Assert.Equal(Written(), Written());
    }

    [SharedDataFact]
    public void The_committed_lexicon_is_what_the_builder_makes_from_the_shared_data()
    {
        var root = SharedData.RepositoryRoot!;
        var data = SharedData.DataDirectory!;
        using var vader = File.OpenText(Path.Combine(data, "vader", "vader_lexicon.txt"));
        using var afinn = File.OpenText(Path.Combine(data, "afinn", "AFINN-en-165.txt"));
        using var support = File.OpenText(Path.Combine(root, "models", "sentiment", "support-terms.tsv"));
        var expected = new StringWriter();

        LexiconBuilder.Write(LexiconBuilder.Build(vader, afinn, support), expected);

        var committed = File.ReadAllText(Path.Combine(root, "models", "sentiment", "lexicon.tsv"));
        Assert.True(expected.ToString() == committed,
            "models/sentiment/lexicon.tsv is stale: run 'dotnet run models/sentiment/build-lexicon.cs -- ../shared/data' and commit it.");
    }
}
