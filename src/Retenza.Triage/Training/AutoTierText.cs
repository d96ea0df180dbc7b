using System.Globalization;
using System.Text;

namespace Retenza.Triage.Training;

/// <summary>Renders auto-tier reports as a Markdown table plus the wrongly auto-sent emails (for the CLI and the model card).</summary>
public static class AutoTierText
{
    public static string Write(IReadOnlyList<AutoTierReport> reports, int maxErrorsShown = 20)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("auto tier (whole pipeline, default policy, first contact):");
        text.AppendLine();
        text.AppendLine("| order condition | rows | auto-sent (coverage) | precision | 95 % lower bound | review | escalate | human-only auto-sent |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in reports)
        {
            text.AppendLine(c, $"| {r.Condition} | {r.Rows} | {r.Auto} ({r.Coverage:P1}) | {Format(r.Precision)} | {Format(r.PrecisionLowerBound)} | {r.Review} | {r.Escalate} | {r.HumanOnlyAuto} of {r.HumanOnlyRows} |");
        }

        var errors = reports.SelectMany(r => r.Errors.Select(e => (r.Condition, Error: e))).ToArray();
        if (errors.Length > 0)
        {
            text.AppendLine();
            text.AppendLine(c, $"wrongly auto-sent ({errors.Length}):");
            foreach (var (condition, e) in errors.Take(maxErrorsShown))
            {
                text.AppendLine(c, $"- {condition}: `{e.Gold}` read as `{e.Predicted}` (confidence {e.Confidence:0.000}): {e.Text}");
            }
        }

        return text.ToString();
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "–";
}
