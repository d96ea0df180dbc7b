using Retenza.Grains.Outcomes;
using Retenza.Outcomes;

namespace Retenza.UnitTests.Tickets;

public sealed class DraftEditClassifierTests
{
    private const string Draft =
        "Hi Ana, I am sorry your vase arrived broken. I have issued a full refund of 49.00 EUR for order RT-10006; " +
        "it will reach your card within 5 business days. You do not need to return the broken item. Kind regards, the Acme team";

    [Fact]
    public void The_draft_sent_unchanged_is_accepted_as_is_even_with_different_whitespace()
    {
        Assert.Equal((DraftOutcomeClass.AcceptedAsIs, 0.0), DraftEditClassifier.Classify(Draft, "  " + Draft.Replace(" I have", "\n\nI have") + "\n"));
    }

    [Fact]
    public void A_changed_greeting_and_a_fixed_word_are_a_light_edit()
    {
        var edited = Draft.Replace("Hi Ana,", "Dear Ana,").Replace("5 business days", "3 business days");

        var (outcome, distance) = DraftEditClassifier.Classify(Draft, edited);

        Assert.Equal(DraftOutcomeClass.LightEdit, outcome);
        Assert.Equal(2.0 / 44, distance!.Value, 0.0001);
    }

    [Fact]
    public void Replacing_a_third_of_the_reply_is_a_heavy_edit()
    {
        var edited = Draft.Replace(
            "I have issued a full refund of 49.00 EUR for order RT-10006; it will reach your card within 5 business days.",
            "We are sending a replacement vase today by express courier, tracking follows by email.");

        Assert.Equal(DraftOutcomeClass.HeavyEdit, DraftEditClassifier.Classify(Draft, edited).Class);
    }

    [Fact]
    public void A_different_reply_is_rewritten()
    {
        Assert.Equal(DraftOutcomeClass.Rewritten,
            DraftEditClassifier.Classify(Draft, "Could you send us a photo of the damage, please? Then we can help.").Class);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_draft_is_its_own_class(string? draft)
    {
        Assert.Equal((DraftOutcomeClass.NoDraft, (double?)null), DraftEditClassifier.Classify(draft, "Anything at all."));
    }

    [Theory]
    [InlineData("a b c d e f g h i j", "a b c d e f g h i j", 0.0)]
    [InlineData("a b c d e f g h i j", "a b c d e f g h i x", 0.1)]
    [InlineData("a b c d", "a b", 0.5)]
    [InlineData("a b", "c d e f", 1.0)]
    [InlineData("", "", 0.0)]
    public void Distance_is_word_edits_over_the_longer_text(string a, string b, double expected)
    {
        Assert.Equal(expected, DraftEditClassifier.Distance(a, b), 6);
        Assert.Equal(expected, DraftEditClassifier.Distance(b, a), 6);
    }

    [Fact]
    public void Boundaries_are_inclusive()
    {
        // 3 of 20 words changed = 0.15 exactly: still light; 11 of 20 = 0.55: rewritten.
        var draft = string.Join(' ', Enumerable.Range(0, 20).Select(i => $"w{i}"));
        var light = string.Join(' ', Enumerable.Range(0, 20).Select(i => i < 3 ? $"x{i}" : $"w{i}"));
        var heavy = string.Join(' ', Enumerable.Range(0, 20).Select(i => i < 10 ? $"x{i}" : $"w{i}"));
        var rewritten = string.Join(' ', Enumerable.Range(0, 20).Select(i => i < 11 ? $"x{i}" : $"w{i}"));

        Assert.Equal(DraftOutcomeClass.LightEdit, DraftEditClassifier.Classify(draft, light).Class);
        Assert.Equal(DraftOutcomeClass.HeavyEdit, DraftEditClassifier.Classify(draft, heavy).Class);
        Assert.Equal(DraftOutcomeClass.Rewritten, DraftEditClassifier.Classify(draft, rewritten).Class);
    }
}
