using System.Globalization;
using System.Text;
using Retenza.Triage.Intents;

namespace Retenza.Triage.Training;

/// <summary>
/// Scores of a classifier on labelled rows: accuracy, macro-F1 (mean F1 over the labels that occur in
/// the gold data), per-label precision/recall/F1, expected calibration error over 10 equal-width
/// confidence bins, a risk–coverage table, and how many <c>other</c> rows would be auto-eligible
/// (top intent not <c>other</c> with probability ≥ <see cref="AutoThreshold"/>). Rows whose gold label is
/// outside the taxonomy are counted in <see cref="UnknownLabels"/> and left out of every metric.
/// </summary>
public sealed class EvaluationReport
{
    public const double DefaultAutoThreshold = 0.90;
    public const int CalibrationBinCount = 10;

    public static readonly IReadOnlyList<double> CoverageThresholds = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];

    private EvaluationReport()
    {
    }

    public int Rows { get; private init; }

    public double Accuracy { get; private init; }

    public double MacroF1 { get; private init; }

    public IReadOnlyList<LabelMetrics> Labels { get; private init; } = [];

    public double ExpectedCalibrationError { get; private init; }

    public IReadOnlyList<CalibrationBin> CalibrationBins { get; private init; } = [];

    public IReadOnlyList<CoveragePoint> RiskCoverage { get; private init; } = [];

    public double AutoThreshold { get; private init; }

    /// <summary>Rows whose top intent is not <c>other</c> with probability ≥ <see cref="AutoThreshold"/>, and how often those are right.</summary>
    public CoveragePoint AutoEligible { get; private init; } = new(0, 0, 0, null);

    public int OtherRows { get; private init; }

    public int OtherAutoEligible { get; private init; }

    /// <summary>Share of <c>other</c> rows that would be auto-eligible; null when there are none.</summary>
    public double? OtherAutoEligibleShare => OtherRows == 0 ? null : (double)OtherAutoEligible / OtherRows;

    /// <summary>Gold labels outside the taxonomy, with their row counts.</summary>
    public IReadOnlyDictionary<string, int> UnknownLabels { get; private init; } = new Dictionary<string, int>();

    public static EvaluationReport Create(IEnumerable<EvaluationRow> rows, double autoThreshold = DefaultAutoThreshold)
    {
        var unknown = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var scored = new List<EvaluationRow>();
        foreach (var row in rows)
        {
            if (IntentTaxonomy.IsKnown(row.Gold))
            {
                scored.Add(row);
            }
            else
            {
                unknown[row.Gold] = unknown.GetValueOrDefault(row.Gold) + 1;
            }
        }

        var labels = PerLabel(scored);
        var withSupport = labels.Where(l => l.Support > 0).ToArray();
        var bins = Bins(scored);
        var others = scored.Where(r => r.Gold == IntentTaxonomy.Other).ToArray();
        return new EvaluationReport
        {
            Rows = scored.Count,
            Accuracy = Ratio(scored.Count(r => r.Gold == r.Predicted), scored.Count),
            MacroF1 = withSupport.Length == 0 ? 0 : withSupport.Average(l => l.F1),
            Labels = labels,
            CalibrationBins = bins,
            ExpectedCalibrationError = scored.Count == 0 ? 0 : bins.Sum(b => (double)b.Count / scored.Count * Math.Abs(b.Accuracy - b.MeanConfidence)),
            RiskCoverage = CoverageThresholds.Select(t => Coverage(scored, t, _ => true)).ToArray(),
            AutoThreshold = autoThreshold,
            AutoEligible = Coverage(scored, autoThreshold, r => r.Predicted != IntentTaxonomy.Other),
            OtherRows = others.Length,
            OtherAutoEligible = others.Count(r => IsAutoEligible(r, autoThreshold)),
            UnknownLabels = unknown,
        };
    }

    public static bool IsAutoEligible(EvaluationRow row, double threshold) =>
        row.Predicted != IntentTaxonomy.Other && row.Probability >= threshold;

    private static List<LabelMetrics> PerLabel(IReadOnlyList<EvaluationRow> rows)
    {
        var names = rows.Select(r => r.Gold).Concat(rows.Select(r => r.Predicted)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var result = new List<LabelMetrics>();
        foreach (var name in names)
        {
            var support = rows.Count(r => r.Gold == name);
            var predicted = rows.Count(r => r.Predicted == name);
            var correct = rows.Count(r => r.Gold == name && r.Predicted == name);
            var precision = Ratio(correct, predicted);
            var recall = Ratio(correct, support);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            result.Add(new LabelMetrics(name, support, predicted, correct, precision, recall, f1));
        }

        return result;
    }

    private static List<CalibrationBin> Bins(IReadOnlyList<EvaluationRow> rows)
    {
        var bins = new List<CalibrationBin>();
        for (var b = 0; b < CalibrationBinCount; b++)
        {
            var lower = (double)b / CalibrationBinCount;
            var upper = (double)(b + 1) / CalibrationBinCount;
            var members = rows.Where(r => BinOf(r.Probability) == b).ToArray();
            bins.Add(new CalibrationBin(
                lower,
                upper,
                members.Length,
                members.Length == 0 ? 0 : members.Average(r => r.Probability),
                Ratio(members.Count(r => r.Gold == r.Predicted), members.Length)));
        }

        return bins;
    }

    // Probability 1 belongs to the last bin, [0.9, 1.0].
    private static int BinOf(double probability) => Math.Clamp((int)(probability * CalibrationBinCount), 0, CalibrationBinCount - 1);

    private static CoveragePoint Coverage(IReadOnlyList<EvaluationRow> rows, double threshold, Func<EvaluationRow, bool> eligible)
    {
        var covered = rows.Where(r => r.Probability >= threshold && eligible(r)).ToArray();
        return new CoveragePoint(
            threshold,
            covered.Length,
            Ratio(covered.Length, rows.Count),
            covered.Length == 0 ? null : Ratio(covered.Count(r => r.Gold == r.Predicted), covered.Length));
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    /// <summary>The report as plain text for a terminal.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"rows scored:       {Rows}");
        text.AppendLine(c, $"accuracy:          {Accuracy:0.0000}");
        text.AppendLine(c, $"macro-F1:          {MacroF1:0.0000}  (mean over the {Labels.Count(l => l.Support > 0)} labels present in the data)");
        text.AppendLine(c, $"ECE (10 bins):     {ExpectedCalibrationError:0.0000}");
        text.AppendLine(c, $"auto-eligible:     {AutoEligible.Covered} rows ({AutoEligible.Coverage:P1}) at p >= {AutoThreshold:0.00}, precision {Format(AutoEligible.Precision)}");
        text.AppendLine(OtherRows == 0
            ? "'other' rows:      none"
            : string.Create(c, $"'other' rows:      {OtherRows}, auto-eligible {OtherAutoEligible} ({OtherAutoEligibleShare:P2})"));
        if (UnknownLabels.Count > 0)
        {
            text.AppendLine(c, $"labels not in the taxonomy (rows left out): {string.Join(", ", UnknownLabels.Select(p => $"{p.Key} ({p.Value})"))}");
        }

        text.AppendLine();
        text.AppendLine("risk-coverage (all predictions, including 'other'):");
        text.AppendLine("  threshold  covered  coverage  precision");
        foreach (var point in RiskCoverage)
        {
            text.AppendLine(c, $"  {point.Threshold,9:0.00}  {point.Covered,7}  {point.Coverage,8:P1}  {Format(point.Precision),9}");
        }

        text.AppendLine();
        text.AppendLine("per label:");
        text.AppendLine(c, $"  {"label",-26} {"support",7} {"predicted",9} {"precision",9} {"recall",7} {"F1",7}");
        foreach (var label in Labels)
        {
            text.AppendLine(c, $"  {label.Label,-26} {label.Support,7} {label.PredictedCount,9} {label.Precision,9:0.000} {label.Recall,7:0.000} {label.F1,7:0.000}");
        }

        return text.ToString();
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-";
}
