using Retenza.Triage.Reading;
using Retenza.Triage.Sentiment;

namespace Retenza.UnitTests.Triage.Sentiment;

/// <summary>
/// Our own labelled support emails, one level each: a polite question is none, mild disappointment
/// low, clear annoyance medium, anger, threats and explicit repeated contact high.
/// </summary>
public sealed class FrustrationCalibrationTests
{
    private static readonly LexiconSentimentAnalyzer Analyzer = new();

    public static TheoryData<FrustrationLevel, string> Labelled => new()
    {
        { FrustrationLevel.None, "Hi, could you tell me when my order RT-10006 will ship? Thanks!" },
        { FrustrationLevel.None, "Hello, what is your return policy for shoes bought on sale?" },
        { FrustrationLevel.None, "Can I change the delivery address for order RT-2231 to my office?" },
        { FrustrationLevel.None, "Thanks so much, the replacement arrived today and it's perfect." },
        { FrustrationLevel.None, "Hi there, do you ship to Canada? I'd like to order the blue kettle." },
        { FrustrationLevel.None, "Could you send me the invoice again? I need it for my records." },
        { FrustrationLevel.None, "My vase arrived with a small crack. Could you send a replacement? Happy to send photos." },
        { FrustrationLevel.None, "I'd like to return the jacket, it's a size too small. How do I get a return label?" },
        { FrustrationLevel.None, "Hi, I was charged twice for order RT-5521. Could you refund the duplicate charge please?" },
        { FrustrationLevel.None, "Is the discount code still valid? It says it's expired at checkout." },
        { FrustrationLevel.None, "Please cancel order RT-7781, I ordered the wrong size by mistake. Sorry for the trouble!" },
        { FrustrationLevel.None, "Good morning, I placed an order yesterday and wanted to check if I can add a second item to it." },
        { FrustrationLevel.None, "Just letting you know the parcel arrived safely. Thank you!" },

        { FrustrationLevel.Low, "I am a bit disappointed that the delivery was so late." },
        { FrustrationLevel.Low, "The colour isn't quite what the photos showed. I'm not happy with it, can I exchange it?" },
        { FrustrationLevel.Low, "Unfortunately the lamp doesn't work. Can you help?" },
        { FrustrationLevel.Low, "I never received my package. Can you check what happened?" },
        { FrustrationLevel.Low, "Sadly the mug arrived chipped. A shame, it was a gift." },
        { FrustrationLevel.Low, "The shoes are uncomfortable and the stitching is poor. I'd like a refund." },
        { FrustrationLevel.Low, "The product is great but the delivery was terrible." },
        { FrustrationLevel.Low, "The package arrived a week late and the box was dented." },
        { FrustrationLevel.Low, "Not great - the charger stopped working after two days." },
        { FrustrationLevel.Low, "I'm disappointed, I expected better from your brand." },

        { FrustrationLevel.Medium, "Where is my order? I'm still waiting and nobody tells me anything." },
        { FrustrationLevel.Medium, "This is really frustrating. The tracking hasn't updated in ten days." },
        { FrustrationLevel.Medium, "I'm annoyed that I was charged for shipping when it said free delivery." },
        { FrustrationLevel.Medium, "This is the second time an item has arrived damaged. Please sort it out." },
        { FrustrationLevel.Medium, "Honestly this is ridiculous, the box was completely crushed." },
        { FrustrationLevel.Medium, "I've been waiting for weeks for my refund. What is going on?" },
        { FrustrationLevel.Medium, "Very disappointed and frustrated with how this order has been handled." },
        { FrustrationLevel.Medium, "This is unacceptable." },
        { FrustrationLevel.Medium, "Seriously? The tracking number you gave me doesn't even work. This is so annoying." },
        { FrustrationLevel.Medium, "I'm still waiting for the refund you promised last week." },
        { FrustrationLevel.Medium, "Why is it so hard to get a simple answer from you people?" },

        { FrustrationLevel.High, "This is the third time I'm writing and no one has replied. Unacceptable." },
        { FrustrationLevel.High, "If I don't get my refund by Friday I will file a chargeback and leave a bad review." },
        { FrustrationLevel.High, "I WANT MY MONEY BACK NOW!!!" },
        { FrustrationLevel.High, "How many times do I have to ask? Still no refund." },
        { FrustrationLevel.High, "I'm fed up with your service. Never again." },
        { FrustrationLevel.High, "Where the hell is my order?! Worst company ever." },
        { FrustrationLevel.High, "I will be contacting my lawyer about this." },
        { FrustrationLevel.High, "I've emailed you four times and still haven't heard back. This is a joke." },
        { FrustrationLevel.High, "Absolutely furious. You sent the wrong item AGAIN." },
        { FrustrationLevel.High, "Your useless support is a waste of time, I'm reporting you to the BBB." },
        { FrustrationLevel.High, "I am really angry about this." },
        { FrustrationLevel.High, "I have contacted you multiple times and NOBODY has bothered to answer me!!!" },
        { FrustrationLevel.High, "You people are a total scam. I'm disputing the charge with my bank." },
        { FrustrationLevel.High, "This is absolutely pathetic. Sick and tired of chasing you for my money." },
        { FrustrationLevel.High, "I'm going to post this all over social media so everyone knows how you treat customers." },
    };

    [Theory]
    [MemberData(nameof(Labelled))]
    public void Each_labelled_email_gets_its_level(FrustrationLevel expected, string text)
    {
        var reading = Analyzer.Analyze(text);

        Assert.Equal(expected, reading.Frustration);
        if (expected > FrustrationLevel.None)
        {
            Assert.NotEmpty(reading.Evidence);
            Assert.All(reading.Evidence, phrase => Assert.Contains(phrase, text));
        }
    }

    [Fact]
    public void Polite_emails_score_positive_and_unhappy_ones_negative_on_average()
    {
        var meanScores = Labelled
            .GroupBy(row => (FrustrationLevel)row[0], row => Analyzer.Analyze((string)row[1]).Score)
            .ToDictionary(group => group.Key, group => group.Average());

        Assert.Equal(4, meanScores.Count);
        Assert.True(meanScores[FrustrationLevel.None] > 0, $"none {meanScores[FrustrationLevel.None]}");
        Assert.True(meanScores[FrustrationLevel.Low] < 0, $"low {meanScores[FrustrationLevel.Low]}");
        Assert.True(meanScores[FrustrationLevel.Medium] < 0, $"medium {meanScores[FrustrationLevel.Medium]}");
    }

    [Fact]
    public void A_long_factual_complaint_read_through_the_email_reader_is_low()
    {
        const string email = """
            Hi,

            I ordered a ceramic vase (order RT-10006) two weeks ago and it arrived today with a big crack down the side.
            The box was also crushed, so I think it happened in transit. I'm honestly a bit disappointed because it was
            meant to be a birthday present for my mother.

            Could you send a replacement, or refund me if that's not possible? I can send photos of the damage if you need them.

            Thanks,
            Jane
            """;

        var reading = Analyzer.Analyze(new EmailReader().Read("Broken vase", email, null).ScoringText);

        Assert.Equal(FrustrationLevel.Low, reading.Frustration);
        Assert.Contains("bit disappointed", reading.Evidence);
    }

    [Theory]
    [InlineData("Hello,\n\nI would like to change the shipping address on my order RT-4410 before it ships. Please let me know if this is possible.\n\nKind regards,\nTom")]
    [InlineData("Dear support,\n\nThe jeans I received are the wrong size - I ordered a 32 and got a 34. No big deal, but could you arrange an exchange?\n\nBest,\nMarco")]
    [InlineData("Hi, I think there's a problem with my account, I can't log in and the password reset email never arrives. Can you help me? Thank you")]
    [InlineData("Hi team, just a quick one: my discount code WELCOME10 didn't apply at checkout. Can you refund the difference? Cheers, Sam")]
    public void Polite_emails_with_a_problem_stay_none(string email)
    {
        var reading = Analyzer.Analyze(new EmailReader().Read("Question", email, null).ScoringText);

        Assert.Equal(FrustrationLevel.None, reading.Frustration);
    }
}
