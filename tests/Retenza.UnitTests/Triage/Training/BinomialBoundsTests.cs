using Retenza.Triage.Training;

namespace Retenza.UnitTests.Triage.Training;

public sealed class BinomialBoundsTests
{
    [Theory]
    [InlineData(19)]
    [InlineData(36)]
    [InlineData(600)]
    public void All_successes_give_the_closed_form_bound(int n)
    {
        // P(X = n) = p^n = 0.05 at the bound.
        Assert.Equal(Math.Pow(0.05, 1.0 / n), BinomialBounds.LowerBound95(n, n), 9);
    }

    [Fact]
    public void A_partial_success_rate_matches_the_exact_clopper_pearson_bound()
    {
        // 95 of 100: the exact one-sided bound (binomial tail summed independently, bisection) is 0.897747.
        Assert.Equal(0.897747, BinomialBounds.LowerBound95(95, 100), 5);
    }

    [Fact]
    public void No_success_bounds_at_zero_and_more_evidence_raises_the_bound()
    {
        Assert.Equal(0, BinomialBounds.LowerBound95(0, 10));
        Assert.True(BinomialBounds.LowerBound95(60, 60) < 0.995, "60 of 60 cannot yet prove 99.5 %");
        Assert.True(BinomialBounds.LowerBound95(600, 600) > 0.995);
        Assert.True(BinomialBounds.LowerBound95(99, 100) < BinomialBounds.LowerBound95(100, 100));
    }

    [Fact]
    public void More_successes_than_trials_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialBounds.LowerBound95(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialBounds.LowerBound95(-1, 4));
    }
}
