namespace Retenza.Triage.Training;

/// <summary>
/// Fits the softmax temperature T that minimises the negative log-likelihood of held-out labels
/// (Guo et al. 2017, "On calibration of modern neural networks"). One parameter, so it cannot change
/// which intent wins, only how sure the model says it is.
/// </summary>
public static class TemperatureScaling
{
    /// <param name="logits">Per example, the raw scores of every label.</param>
    /// <param name="truth">Per example, the index of its true label.</param>
    public static double Fit(IReadOnlyList<float[]> logits, IReadOnlyList<int> truth)
    {
        if (logits.Count == 0 || logits.Count != truth.Count)
        {
            throw new ArgumentException("need as many label indices as score vectors, and at least one");
        }

        // NLL is smooth and unimodal in log T over this range: golden-section search is enough.
        double low = Math.Log(0.05), high = Math.Log(20);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var a = high - ratio * (high - low);
        var b = low + ratio * (high - low);
        double fa = NegativeLogLikelihood(logits, truth, Math.Exp(a)), fb = NegativeLogLikelihood(logits, truth, Math.Exp(b));
        for (var i = 0; i < 80; i++)
        {
            if (fa < fb)
            {
                high = b;
                b = a;
                fb = fa;
                a = high - ratio * (high - low);
                fa = NegativeLogLikelihood(logits, truth, Math.Exp(a));
            }
            else
            {
                low = a;
                a = b;
                fa = fb;
                b = low + ratio * (high - low);
                fb = NegativeLogLikelihood(logits, truth, Math.Exp(b));
            }
        }

        return Math.Exp((low + high) / 2);
    }

    public static double NegativeLogLikelihood(IReadOnlyList<float[]> logits, IReadOnlyList<int> truth, double temperature)
    {
        var total = 0.0;
        for (var i = 0; i < logits.Count; i++)
        {
            var scores = logits[i];
            var max = scores.Max();
            var sum = 0.0;
            foreach (var score in scores)
            {
                sum += Math.Exp((score - max) / temperature);
            }

            total += Math.Log(sum) - (scores[truth[i]] - max) / temperature;
        }

        return total / logits.Count;
    }
}
