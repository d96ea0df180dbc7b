using Retenza.Triage.Orders;
using Retenza.Triage.Policy;

namespace Retenza.UnitTests.Triage.Orders;

public sealed class OrderReferenceFinderTests
{
    private static readonly string DefaultPattern = TriagePolicy.Default.OrderReferencePattern;

    private readonly OrderReferenceFinder _finder = new();

    [Fact]
    public void Default_pattern_finds_references_in_subject_then_text_in_order_of_appearance()
    {
        var scan = _finder.Find(DefaultPattern, "Re: RT-10006 broken", "Also ORD-2001 and then RT-10007 please.");

        Assert.Equal(["RT-10006", "ORD-2001", "RT-10007"], scan.References);
        Assert.Null(scan.Problem);
    }

    [Fact]
    public void References_are_normalised_and_deduplicated_keeping_the_first_position()
    {
        var scan = _finder.Find(DefaultPattern, "rt-10006", "RT-20002 was split from Rt-10006, see RT-20002 and RT-10006.");

        Assert.Equal(["RT-10006", "RT-20002"], scan.References);
    }

    [Theory]
    [InlineData("RT-123 is too short, RT-10006x is glued to a word, XRT-10006 too")]
    [InlineData("no order number here at all")]
    [InlineData("")]
    public void Text_without_a_whole_reference_finds_nothing(string text)
    {
        var scan = _finder.Find(DefaultPattern, null, text);

        Assert.Empty(scan.References);
        Assert.Null(scan.Problem);
    }

    [Fact]
    public void A_tenant_pattern_replaces_the_default()
    {
        var scan = _finder.Find(@"\bSO\d{6}\b", "Order SO123456", "RT-10006 is someone else's format; so654321 counts.");

        Assert.Equal(["SO123456", "SO654321"], scan.References);
    }

    [Fact]
    public void A_group_named_id_is_the_reference_and_a_leading_hash_is_dropped()
    {
        var scan = _finder.Find(@"order\s+(?<id>#?\d{4,})", null, "My order #1001 and order 1002, not invoice 1003.");

        Assert.Equal(["1001", "1002"], scan.References);
    }

    [Fact]
    public void Without_an_id_group_the_whole_match_is_the_reference_even_with_other_groups()
    {
        var scan = _finder.Find(@"(RT|ORD)-(\d+)", null, "see ORD-77");

        Assert.Equal(["ORD-77"], scan.References);
    }

    [Fact]
    public void A_match_that_is_not_a_valid_order_id_is_skipped_and_said()
    {
        var scan = _finder.Find(@"RT \d+", null, "RT 10006 and RT 10007");

        Assert.Empty(scan.References);
        Assert.Equal("ignored 'RT 10006': not a valid order id; ignored 'RT 10007': not a valid order id", scan.Problem);
    }

    [Fact]
    public void Empty_matches_are_ignored()
    {
        var scan = _finder.Find(@"\d*", null, "abc 42");

        Assert.Equal(["42"], scan.References);
        Assert.Null(scan.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void No_pattern_means_no_text_references_and_no_problem(string pattern)
    {
        var scan = _finder.Find(pattern, "RT-10006", "RT-10007");

        Assert.Same(OrderReferenceScan.Empty, scan);
    }

    [Theory]
    [InlineData(@"RT-(\d+")]
    [InlineData(@"[z-a]")]
    [InlineData(@"RT-\")]
    public void An_invalid_pattern_is_reported_and_finds_nothing(string pattern)
    {
        var scan = _finder.Find(pattern, "RT-10006", "RT-10007");

        Assert.Empty(scan.References);
        Assert.StartsWith($"order reference pattern '{pattern}' is invalid: ", scan.Problem);
    }

    [Fact]
    public void An_invalid_pattern_is_reported_every_time_not_only_the_first()
    {
        var first = _finder.Find("(", null, "RT-10006");
        var second = _finder.Find("(", null, "RT-10006");

        Assert.NotNull(first.Problem);
        Assert.Equal(first.Problem, second.Problem);
    }

    [Fact]
    public void A_runaway_pattern_times_out_and_keeps_what_it_found_before()
    {
        // Nested quantifiers against a long run with no match backtrack exponentially.
        var finder = new OrderReferenceFinder(TimeSpan.FromMilliseconds(20));
        var runaway = new string('a', 40) + "!";

        var scan = finder.Find(@"(RT-\d+)|(a+)+b", "RT-10006", runaway);

        Assert.Equal(["RT-10006"], scan.References);
        Assert.Equal("order reference pattern timed out after 20 ms; the rest of the email was not searched", scan.Problem);
    }

    [Fact]
    public void A_timeout_in_the_subject_stops_before_the_text()
    {
        var finder = new OrderReferenceFinder(TimeSpan.FromMilliseconds(20));

        var scan = finder.Find(@"(RT-\d+)|(a+)+b", new string('a', 40) + "!", "RT-10006");

        Assert.Empty(scan.References);
        Assert.NotNull(scan.Problem);
    }

    [Fact]
    public void Patterns_stay_correct_when_the_cache_overflows()
    {
        var finder = new OrderReferenceFinder(OrderReferenceFinder.DefaultMatchTimeout, maxCachedPatterns: 2);

        foreach (var prefix in new[] { "AA", "BB", "CC", "AA", "DD" })
        {
            Assert.Equal([$"{prefix}-1"], finder.Find($@"\b{prefix}-\d\b", null, "AA-1 BB-1 CC-1 DD-1").References);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3_600_000)]
    public void A_timeout_must_be_positive_and_bounded(int milliseconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderReferenceFinder(TimeSpan.FromMilliseconds(milliseconds)));
}
