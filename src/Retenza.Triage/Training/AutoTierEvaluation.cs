using Retenza.Triage.Intents;
using Retenza.Triage.Orders;

namespace Retenza.Triage.Training;

/// <summary>
/// Runs labelled emails through the whole triage pipeline (rules, order facts, drafts, confidence, policy),
/// as a new customer's first contact with the default policy, and reports what would be auto-sent. This is the
/// auto tier the customer sees; the model-only "auto-eligible" figure of <see cref="EvaluationReport"/> is its
/// upper bound (confidence never exceeds the intent probability).
/// </summary>
public static class AutoTierEvaluation
{
    private static readonly HashSet<string> HumanOnly = new(IntentTaxonomy.HumanOnly, StringComparer.Ordinal);

    /// <remarks>Rows labelled outside the taxonomy are left out, as in <see cref="EvaluationReport"/>.</remarks>
    public static async Task<AutoTierReport> RunAsync(
        ITriagePipeline pipeline, IReadOnlyList<LabeledText> labelled, OrderCondition condition, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var rows = labelled.Where(r => IntentTaxonomy.IsKnown(r.Label)).ToArray();
        int auto = 0, correct = 0, review = 0, escalate = 0, humanOnlyAuto = 0;
        var errors = new List<AutoTierError>();
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var result = await pipeline.TriageAsync(RequestFor(row.Text, i, condition, now), cancellationToken);
            switch (result.Route)
            {
                case TriageRoute.Review:
                    review++;
                    continue;
                case TriageRoute.Escalate:
                    escalate++;
                    continue;
            }

            auto++;
            var predicted = result.Assessment?.Intent?.Name ?? "";
            if (predicted == row.Label)
            {
                correct++;
            }
            else
            {
                errors.Add(new AutoTierError(row.Text, row.Label, predicted, result.Assessment?.Confidence?.Score ?? 0));
            }

            if (HumanOnly.Contains(row.Label))
            {
                humanOnlyAuto++;
            }
        }

        return new AutoTierReport(condition.Name, rows.Length, auto, correct, review, escalate,
            rows.Count(r => HumanOnly.Contains(r.Label)), humanOnlyAuto, errors);
    }

    /// <summary>The <paramref name="index"/>-th email of an evaluation as a new customer's first contact, with the condition's order on file.</summary>
    public static TriageRequest RequestFor(string text, int index, OrderCondition condition, DateTimeOffset now)
    {
        var email = $"customer{index}@example.com";
        var order = condition.OrderFor(email, now);
        return new TriageRequest("eval", $"<eval-{index}@retenza>", email, "", text, order?.OrderId, now)
        {
            Orders = order is null ? NoOrders.Instance : new PreviewOrderSource(order, NoOrders.Instance),
        };
    }
}
