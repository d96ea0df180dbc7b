using Retenza.Triage.Sentiment;

namespace Retenza.UnitTests.Triage.Sentiment;

public sealed class LexiconSentimentAnalyzerTests
{
    private static readonly LexiconSentimentAnalyzer Analyzer = new();

    private static double Score(string text) => Analyzer.Analyze(text).Score;

    [Theory]
    [InlineData("I'm not happy with this.")]
    [InlineData("This isn't great.")]
    [InlineData("The service was not good at all.")]
    [InlineData("I never received my package.")]
    [InlineData("I haven't received my refund.")]
    [InlineData("No one has replied to my email.")]
    [InlineData("The charger doesn't work.")]
    [InlineData("My parcel hasn't arrived.")]
    public void Negated_positive_words_and_unmet_expectations_are_negative(string text)
    {
        Assert.True(Score(text) < 0, $"'{text}' scored {Score(text)}");
    }

    [Theory]
    [InlineData("happy", "I'm not happy.", "I'm happy.")]
    [InlineData("great", "It isn't great.", "It is great.")]
    public void Negation_flips_a_positive_word(string word, string negated, string plain)
    {
        Assert.True(Score(plain) > 0, word);
        Assert.True(Score(negated) < 0, word);
    }

    [Fact]
    public void Not_bad_is_mildly_positive_and_raises_no_frustration()
    {
        var notBad = Analyzer.Analyze("The quality is not bad.");

        Assert.InRange(notBad.Score, 0.01, Score("The quality is good."));
        Assert.Equal(FrustrationLevel.None, notBad.Frustration);
        Assert.True(Score("The quality is bad.") < 0);
    }

    [Fact]
    public void Negation_reaches_about_three_words_and_stops_at_a_comma()
    {
        Assert.True(Score("I am not very happy.") < 0);
        Assert.True(Score("I did not think the packaging would be this good.") > 0);
        Assert.True(Score("Not a problem, the staff were great.") > 0);
    }

    [Fact]
    public void Received_alone_is_neutral()
    {
        Assert.Equal(0, Score("I received my package."));
    }

    [Fact]
    public void Intensifiers_strengthen_and_dampeners_weaken()
    {
        var plain = Score("I am disappointed.");
        var very = Score("I am very disappointed.");
        var extremely = Score("I am extremely disappointed.");
        var slightly = Score("I am slightly disappointed.");
        var kindOf = Score("I am kind of disappointed.");

        Assert.True(plain < 0);
        Assert.True(very < plain, $"very {very} vs {plain}");
        Assert.True(extremely < very, $"extremely {extremely} vs very {very}");
        Assert.True(slightly > plain && slightly < 0, $"slightly {slightly} vs {plain}");
        Assert.True(kindOf > plain && kindOf < 0, $"kind of {kindOf} vs {plain}");
    }

    [Fact]
    public void But_shifts_the_weight_to_the_second_clause()
    {
        Assert.True(Score("The product is great but the delivery was terrible.") < 0);
        Assert.True(Score("The delivery was terrible but the product is great.") > 0);
    }

    [Fact]
    public void Capitals_and_exclamation_marks_amplify()
    {
        var plain = Score("This is unacceptable.");

        Assert.True(Score("This is UNACCEPTABLE.") < plain);
        Assert.True(Score("This is unacceptable!!!") < plain);
        Assert.True(Score("Thank you so much!!!") > Score("Thank you so much."));
    }

    [Fact]
    public void Scores_stay_in_range_however_much_is_said()
    {
        var furious = Analyzer.Analyze(string.Concat(Enumerable.Repeat("TERRIBLE AWFUL HORRIBLE service!!! ", 300)));
        var delighted = Analyzer.Analyze(string.Concat(Enumerable.Repeat("wonderful amazing perfect ", 300)));

        Assert.InRange(furious.Score, -1, -0.95);
        Assert.InRange(delighted.Score, 0.95, 1);
        Assert.Equal(FrustrationLevel.High, furious.Frustration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("RT-10006 1Z999AA10123456784")]
    public void Text_without_words_is_neutral(string text)
    {
        var reading = Analyzer.Analyze(text);

        Assert.Equal(0, reading.Score);
        Assert.Equal(FrustrationLevel.None, reading.Frustration);
        Assert.Empty(reading.Evidence);
    }

    [Fact]
    public void Evidence_quotes_the_phrases_exactly_as_written()
    {
        var reading = Analyzer.Analyze("This is the THIRD time I'm writing. Still waiting, and I'm really Disappointed.");

        Assert.Contains("THIRD time", reading.Evidence);
        Assert.Contains("Still waiting", reading.Evidence);
        Assert.Contains("really Disappointed", reading.Evidence);
        Assert.Equal(FrustrationLevel.High, reading.Frustration);
    }

    [Fact]
    public void Evidence_names_negated_phrases_with_their_negation()
    {
        Assert.Contains("not happy", Analyzer.Analyze("Honestly I'm not happy with the fit.").Evidence);
        Assert.Contains("never received", Analyzer.Analyze("I never received the second parcel.").Evidence);
    }

    [Fact]
    public void A_polite_message_has_no_frustration_evidence()
    {
        var reading = Analyzer.Analyze("Hi, could you tell me when my order RT-10006 will ship? Thanks!");

        Assert.Equal(FrustrationLevel.None, reading.Frustration);
        Assert.DoesNotContain(reading.Evidence, phrase => phrase.Contains("ship"));
    }

    [Theory]
    [InlineData("If this is not sorted by Friday I will take legal action.", "legal action")]
    [InlineData("I am going to file a chargeback with my bank.", "chargeback")]
    [InlineData("I will report you to the Better Business Bureau.", "report you to")]
    [InlineData("Expect a one-star review everywhere.", "review everywhere")]
    [InlineData("I'll be speaking to my lawyer.", "lawyer")]
    public void Threats_are_high_and_quoted(string text, string phrase)
    {
        var reading = Analyzer.Analyze(text);

        Assert.Equal(FrustrationLevel.High, reading.Frustration);
        Assert.Contains(reading.Evidence, evidence => evidence.Contains(phrase, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("I'm not going to sue anyone, I just want to know when it ships.")]
    [InlineData("I don't want to leave a bad review, the shoes are lovely.")]
    [InlineData("No need for a chargeback, the refund arrived. Thanks!")]
    public void Negated_threats_do_not_count(string text)
    {
        var reading = Analyzer.Analyze(text);

        Assert.Equal(FrustrationLevel.None, reading.Frustration);
    }

    [Fact]
    public void Shouting_is_a_signal_and_quoted()
    {
        var reading = Analyzer.Analyze("I WANT MY MONEY BACK NOW");

        Assert.True(reading.Frustration >= FrustrationLevel.Medium);
        Assert.Contains("WANT MY MONEY BACK NOW", reading.Evidence);
    }

    [Theory]
    [InlineData("I ordered the UPS DHL SKU bundle, please confirm the ETA.")]
    [InlineData("My order from the NYC store is coming via USPS. Can you check the ETA please?")]
    public void Acronyms_are_not_shouting(string text)
    {
        var reading = Analyzer.Analyze(text);

        Assert.Equal(FrustrationLevel.None, reading.Frustration);
        Assert.DoesNotContain(reading.Evidence, phrase => phrase.Any(char.IsUpper) && phrase.ToUpperInvariant() == phrase);
    }

    [Fact]
    public void Happy_capitals_and_exclamations_are_not_frustration()
    {
        Assert.Equal(FrustrationLevel.None, Analyzer.Analyze("THANK YOU SO MUCH!!! It arrived today!!").Frustration);
    }

    [Fact]
    public void Repeated_punctuation_is_quoted_with_the_word_before_it()
    {
        var reading = Analyzer.Analyze("Where is my order???");

        Assert.Equal(FrustrationLevel.Low, reading.Frustration);
        Assert.Equal(["order???"], reading.Evidence);
    }

    [Theory]
    [InlineData("Where the fuck is my order?")]
    [InlineData("This is bullshit, where is my refund?")]
    public void Strong_profanity_is_at_least_medium(string text)
    {
        Assert.True(Analyzer.Analyze(text).Frustration >= FrustrationLevel.Medium);
    }

    [Fact]
    public void Again_alone_in_a_neutral_request_is_not_frustration()
    {
        Assert.Equal(FrustrationLevel.None, Analyzer.Analyze("Could you send me the invoice again?").Frustration);
        Assert.Equal(FrustrationLevel.None, Analyzer.Analyze("I love it, I'll order again!").Frustration);
    }

    [Fact]
    public void Again_counts_when_the_message_is_unhappy()
    {
        var reading = Analyzer.Analyze("The wrong size arrived again and I'm disappointed.");

        Assert.Contains("again", reading.Evidence);
        Assert.True(reading.Frustration >= FrustrationLevel.Medium);
    }

    [Fact]
    public void Curly_apostrophes_negate_like_straight_ones()
    {
        Assert.Equal(Score("I'm not happy, it doesn't work."), Score("I’m not happy, it doesn’t work."));
    }

    [Fact]
    public void Hard_wrapped_lines_keep_their_negation_but_short_lines_are_separate()
    {
        var wrapped = "I have been a customer for many years and I have to say that I am not\nhappy with the way this was handled.";

        Assert.True(Score(wrapped) < 0);
    }

    [Fact]
    public void Very_long_text_is_read_only_up_to_the_limit()
    {
        var text = new string('a', LexiconSentimentAnalyzer.MaxCharsRead) + " This is unacceptable and I will sue.";

        var reading = Analyzer.Analyze(text);

        Assert.Equal(FrustrationLevel.None, reading.Frustration);
        Assert.Empty(reading.Evidence);
    }

    [Fact]
    public void A_custom_lexicon_replaces_the_embedded_one()
    {
        var analyzer = new LexiconSentimentAnalyzer(SentimentLexicon.FromWeights([new("meh", -0.5)]));

        Assert.True(analyzer.Analyze("It was meh.").Score < 0);
        Assert.Equal(0, analyzer.Analyze("It was wonderful.").Score);
    }

    [Fact]
    public void Null_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Analyzer.Analyze(null!));
    }
}
