using Retenza.Triage.Training;

namespace Retenza.UnitTests.Triage.Training;

public sealed class TemperatureScalingTests
{
    // Labels drawn from softmax(logits / T): the fit should find T again.
    private static (List<float[]> Logits, List<int> Truth) Sample(double temperature, int count, int seed)
    {
        var random = new Random(seed);
        var logits = new List<float[]>();
        var truth = new List<int>();
        for (var n = 0; n < count; n++)
        {
            var scores = Enumerable.Range(0, 4).Select(_ => (float)(random.NextDouble() * 8 - 4)).ToArray();
            var weights = scores.Select(s => Math.Exp(s / temperature)).ToArray();
            var pick = random.NextDouble() * weights.Sum();
            var label = 0;
            while (pick > weights[label] && label < weights.Length - 1)
            {
                pick -= weights[label++];
            }

            logits.Add(scores);
            truth.Add(label);
        }

        return (logits, truth);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void Recovers_the_temperature_that_generated_the_labels(double temperature)
    {
        var (logits, truth) = Sample(temperature, 4000, seed: 11);

        var fitted = TemperatureScaling.Fit(logits, truth);

        Assert.InRange(fitted, temperature * 0.85, temperature * 1.15);
    }

    [Fact]
    public void The_fitted_temperature_is_no_worse_than_leaving_scores_alone()
    {
        var (logits, truth) = Sample(3.0, 1000, seed: 3);

        var fitted = TemperatureScaling.Fit(logits, truth);

        Assert.True(TemperatureScaling.NegativeLogLikelihood(logits, truth, fitted) < TemperatureScaling.NegativeLogLikelihood(logits, truth, 1.0));
    }

    [Fact]
    public void Mismatched_or_empty_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TemperatureScaling.Fit([], []));
        Assert.Throws<ArgumentException>(() => TemperatureScaling.Fit([[1f, 2f]], [0, 1]));
    }
}
