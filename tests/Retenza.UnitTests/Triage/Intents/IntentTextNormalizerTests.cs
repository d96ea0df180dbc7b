using Retenza.Triage.Intents;

namespace Retenza.UnitTests.Triage.Intents;

public sealed class IntentTextNormalizerTests
{
    [Theory]
    [InlineData("Where is RT-10006?", "where is #ref")]
    [InlineData("where is #12345", "where is #ref")]
    [InlineData("where is # 12345", "where is #ref")]
    [InlineData("cancel purchase 113542617735902", "cancel purchase #ref")]
    [InlineData("track order113542617735902 please", "track order #ref please")]
    [InlineData("ORD4411 never came", "#ref never came")]
    public void Order_references_become_one_placeholder(string text, string expected) =>
        Assert.Equal(expected, IntentTextNormalizer.Normalize(text));

    [Theory]
    [InlineData("I was charged $350 twice", "i was charged #money twice")]
    [InlineData("a refund of 20.50 EUR", "a refund of #money")]
    [InlineData("waiting for 350 dollars", "waiting for #money")]
    [InlineData("it took 3 weeks and 2 days", "it took #num weeks and #num days")]
    [InlineData("bill from 2024", "bill from #num")]
    public void Amounts_and_other_numbers_become_placeholders(string text, string expected) =>
        Assert.Equal(expected, IntentTextNormalizer.Normalize(text));

    [Theory]
    [InlineData("cancel order {{Order Number}}", "cancel order #ref")]
    [InlineData("refund of {{Refund Amount}}", "refund of #money")]
    [InlineData("ship to {{Delivery City}} please", "ship to #slot please")]
    [InlineData("invoice {{ Invoice Number }}!", "invoice #ref")]
    public void Bitext_template_slots_become_placeholders(string text, string expected) =>
        Assert.Equal(expected, IntentTextNormalizer.Normalize(text));

    [Theory]
    [InlineData("  I   DON'T\twant\r\nIT!!! ", "i dont want it")]
    [InlineData("I don’t know", "i dont know")]
    [InlineData("re: broken---vase...", "re broken vase")]
    [InlineData("mail me at ana.b@example.com", "mail me at #email")]
    [InlineData("see https://shop.example/orders?id=5 now", "see #url now")]
    [InlineData("Ça coûte TROP", "ça coûte trop")]
    public void Case_punctuation_apostrophes_and_whitespace_are_folded(string text, string expected) =>
        Assert.Equal(expected, IntentTextNormalizer.Normalize(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!... --- ;;")]
    public void Text_without_words_normalises_to_empty(string text) =>
        Assert.Equal(string.Empty, IntentTextNormalizer.Normalize(text));

    [Fact]
    public void A_hash_sign_without_a_number_is_not_a_placeholder()
    {
        Assert.Equal("order is late", IntentTextNormalizer.Normalize("order # is late"));
        Assert.Equal("refs", IntentTextNormalizer.Normalize("#refs"));
    }

    [Fact]
    public void Normalising_twice_changes_nothing()
    {
        var once = IntentTextNormalizer.Normalize("Hi! Order RT-10006 ($35.99) arrived 2 days late, see {{Order Number}}.");
        Assert.Equal("hi order #ref #money arrived #num days late see #ref", once);
        Assert.Equal(once, IntentTextNormalizer.Normalize(once));
    }

    [Fact]
    public void Null_is_refused() => Assert.Throws<ArgumentNullException>(() => IntentTextNormalizer.Normalize(null!));
}
