namespace Retenza.Triage.Training;

/// <summary>Confidence bounds for a proportion measured on a small sample.</summary>
public static class BinomialBounds
{
    /// <summary>
    /// One-sided 95 % Clopper–Pearson lower bound of a success rate after <paramref name="successes"/> of
    /// <paramref name="trials"/>: the smallest p for which seeing that many successes or more has probability ≥ 5 %.
    /// Found by bisection on the binomial tail (exact, no normal approximation: samples here are small).
    /// </summary>
    public static double LowerBound95(int successes, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        if (successes == 0)
        {
            return 0;
        }

        double low = 0, high = 1;
        for (var i = 0; i < 60; i++)
        {
            var p = (low + high) / 2;
            if (UpperTail(successes, trials, p) < 0.05)
            {
                low = p;
            }
            else
            {
                high = p;
            }
        }

        return low;
    }

    /// <summary>P(X ≥ k) for X ~ Binomial(n, p), summed in log space so that large n does not overflow.</summary>
    private static double UpperTail(int k, int n, double p)
    {
        if (p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return 1;
        }

        double sum = 0;
        for (var x = k; x <= n; x++)
        {
            sum += Math.Exp(LogChoose(n, x) + x * Math.Log(p) + (n - x) * Math.Log(1 - p));
        }

        return sum;
    }

    private static double LogChoose(int n, int k)
    {
        double result = 0;
        for (var i = 1; i <= k; i++)
        {
            result += Math.Log(n - k + i) - Math.Log(i);
        }

        return result;
    }
}
