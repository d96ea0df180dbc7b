using Retenza.Triage.Customers;

namespace Retenza.UnitTests.Triage.Customers;

public sealed class FrustrationTrendTests
{
    [Theory]
    [InlineData("none,low,high", FrustrationTrend.Rising)]
    [InlineData("high,none,low,medium", FrustrationTrend.Rising)]
    [InlineData("high,medium,low", FrustrationTrend.Falling)]
    [InlineData("low,low,medium", FrustrationTrend.Steady)]
    [InlineData("low,?,medium", FrustrationTrend.Rising)]
    [InlineData("medium", FrustrationTrend.Unknown)]
    [InlineData("", FrustrationTrend.Unknown)]
    public void Trend_reads_the_last_three_readable_levels(string levels, string expected)
    {
        var parsed = levels.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(l => l == "?" ? null : l);

        Assert.Equal(expected, FrustrationTrend.Of(parsed));
    }
}
