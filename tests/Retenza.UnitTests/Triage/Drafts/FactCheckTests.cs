using Retenza.Triage.Drafts;
using Retenza.Triage.Orders;
using static Retenza.UnitTests.Triage.Rules.TriageSamples;

namespace Retenza.UnitTests.Triage.Drafts;

public sealed class FactCheckTests
{
    private static readonly OrderSnapshot Order = Snapshot(total: 1234.50m, refund: new Refund(RefundStatus.Issued, 89.50m, new DateTimeOffset(2025, 5, 30, 9, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("Your order RT-10006 totals $1,234.50.")]
    [InlineData("Your order rt-10006 totals 1234.50 USD.")]
    [InlineData("Refund of $89.50 issued on May 30, 2025; parcel 1Z999AA10123456784 arrives June 4, 2025.")]
    [InlineData("Candle costs 20.00, two of them 40.00, and the vase SKU is VASE-1.")]
    [InlineData("It left on 2025-05-31.")]
    [InlineData("Nothing to quote here.")]
    public void Facts_taken_from_the_order_pass(string text)
    {
        var check = FactCheck.Check(text, Order, "Ana", "");

        Assert.True(check.Passed, check.Detail);
    }

    [Theory]
    [InlineData("Your order RT-10007 is on its way.", "\"RT-10007\"")]
    [InlineData("Your refund of $50.00 is on its way.", "\"$50.00\"")]
    [InlineData("Your refund of 1,234.51 is on its way.", "\"1,234.51\"")]
    [InlineData("Track it with 1Z999AA10123456785.", "\"1Z999AA10123456785\"")]
    [InlineData("It arrives on June 5, 2025.", "\"June 5, 2025\"")]
    [InlineData("It arrives on 2025-06-05.", "\"2025-06-05\"")]
    [InlineData("You ordered 3 candles.", "\"3\"")]
    public void A_fact_the_order_does_not_have_fails_and_is_named(string text, string named)
    {
        var check = FactCheck.Check(text, Order, "Ana", "");

        Assert.False(check.Passed);
        Assert.Contains(named, check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_order_every_quoted_fact_fails()
    {
        var check = FactCheck.Check("Your order RT-10006 of $129.50 arrives on June 4, 2025.", null, "Ana", "");

        Assert.False(check.Passed);
        Assert.Equal(3, check.Detail.Split("; ").Length);
    }

    [Fact]
    public void Small_numbers_may_come_from_the_templates_wording_but_ids_and_amounts_may_not()
    {
        Assert.True(FactCheck.Check("Returns within 30 days.", null, null, "Returns within 30 days.").Passed);
        Assert.False(FactCheck.Check("Order RT-10006.", null, null, "Order RT-10006.").Passed);
        Assert.False(FactCheck.Check("A fee of $5.00 applies.", null, null, "A fee of $5.00 applies.").Passed);
    }

    [Fact]
    public void A_name_with_digits_is_the_customers_own()
    {
        Assert.True(FactCheck.Check("Hi Agent47,", null, "Agent47", "").Passed);
    }

    [Theory]
    [InlineData("Order RT-10006, parcel 1Z9AA; 2 × Candle - done.", "RT-10006|1Z9AA|2")]
    [InlineData("-12- and _x9_ and 4.", "12|x9|4")]
    [InlineData("no digits here", "")]
    public void Digit_words_are_found_whole_without_edge_punctuation(string text, string expected)
    {
        var words = FactCheck.DigitWordSpans(text).Select(span => text.Substring(span.Start, span.Length));

        Assert.Equal(expected, string.Join("|", words));
    }
}
