using Retenza.Triage.Training;

namespace Retenza.UnitTests.Triage.Training;

public sealed class EvaluationReportTests
{
    private static EvaluationRow Row(string gold, string predicted, double probability = 0.95) => new(gold, predicted, probability);

    // Confusion matrix (rows gold, columns predicted):
    //                track_order  get_refund  other
    // track_order         3           1         0
    // get_refund          0           2         1
    // other               1           0         2
    private static readonly EvaluationRow[] Matrix =
    [
        Row("track_order", "track_order"), Row("track_order", "track_order"), Row("track_order", "track_order"),
        Row("track_order", "get_refund"),
        Row("get_refund", "get_refund"), Row("get_refund", "get_refund"), Row("get_refund", "other"),
        Row("other", "track_order"), Row("other", "other"), Row("other", "other"),
    ];

    [Fact]
    public void Accuracy_and_per_label_scores_follow_the_confusion_matrix()
    {
        var report = EvaluationReport.Create(Matrix);

        Assert.Equal(10, report.Rows);
        Assert.Equal(0.7, report.Accuracy, 12);

        var track = report.Labels.Single(l => l.Label == "track_order");
        Assert.Equal((4, 4, 3), (track.Support, track.PredictedCount, track.Correct));
        Assert.Equal(0.75, track.Precision, 12);
        Assert.Equal(0.75, track.Recall, 12);
        Assert.Equal(0.75, track.F1, 12);

        var refund = report.Labels.Single(l => l.Label == "get_refund");
        Assert.Equal(2.0 / 3, refund.Precision, 12);
        Assert.Equal(2.0 / 3, refund.Recall, 12);
        Assert.Equal(2.0 / 3, refund.F1, 12);

        var other = report.Labels.Single(l => l.Label == "other");
        Assert.Equal(2.0 / 3, other.F1, 12);

        Assert.Equal((0.75 + 2.0 / 3 + 2.0 / 3) / 3, report.MacroF1, 12);
    }

    [Fact]
    public void Macro_F1_averages_only_labels_present_in_the_gold_data()
    {
        // Gold has only track_order; one wrong prediction of get_refund.
        var report = EvaluationReport.Create([Row("track_order", "track_order"), Row("track_order", "get_refund")]);

        var track = report.Labels.Single(l => l.Label == "track_order");
        Assert.Equal(1.0, track.Precision, 12);
        Assert.Equal(0.5, track.Recall, 12);
        Assert.Equal(2.0 / 3, track.F1, 12);
        var refund = report.Labels.Single(l => l.Label == "get_refund");
        Assert.Equal((0, 1, 0.0), (refund.Support, refund.PredictedCount, refund.F1));
        Assert.Equal(2.0 / 3, report.MacroF1, 12);
    }

    [Fact]
    public void Expected_calibration_error_weighs_each_bins_gap_by_its_size()
    {
        // Bin [0.9,1.0]: confidences 0.95, 0.95, 1.0, 0.9 (mean 0.95), 3 of 4 right (0.75): gap 0.20.
        // Bin [0.6,0.7): confidences 0.6, 0.6 (mean 0.6), 2 of 2 right: gap 0.40.
        // ECE = 4/6 * 0.20 + 2/6 * 0.40 = 0.2666…
        var rows = new[]
        {
            Row("track_order", "track_order", 0.95), Row("track_order", "track_order", 0.95),
            Row("track_order", "track_order", 1.0), Row("track_order", "get_refund", 0.9),
            Row("get_refund", "get_refund", 0.6), Row("get_refund", "get_refund", 0.6),
        };

        var report = EvaluationReport.Create(rows);

        Assert.Equal(4.0 / 6 * 0.20 + 2.0 / 6 * 0.40, report.ExpectedCalibrationError, 12);
        Assert.Equal(10, report.CalibrationBins.Count);
        var top = report.CalibrationBins[9];
        Assert.Equal((4, 0.95, 0.75), (top.Count, Math.Round(top.MeanConfidence, 12), top.Accuracy));
        Assert.Equal(2, report.CalibrationBins[6].Count);
        Assert.Equal(0, report.CalibrationBins.Where((_, i) => i is not 6 and not 9).Sum(b => b.Count));
    }

    [Fact]
    public void Perfectly_calibrated_rows_have_zero_ECE()
    {
        // Half right at 0.5, all right at 1.0.
        var rows = new[]
        {
            Row("track_order", "track_order", 0.5), Row("track_order", "get_refund", 0.5),
            Row("get_refund", "get_refund", 1.0), Row("get_refund", "get_refund", 1.0),
        };

        Assert.Equal(0, EvaluationReport.Create(rows).ExpectedCalibrationError, 12);
    }

    [Fact]
    public void Risk_coverage_counts_rows_at_or_above_each_threshold()
    {
        var rows = new[]
        {
            Row("track_order", "track_order", 0.99), Row("track_order", "track_order", 0.92),
            Row("track_order", "get_refund", 0.91), Row("get_refund", "get_refund", 0.75),
            Row("get_refund", "other", 0.55), Row("other", "other", 0.40),
        };

        var report = EvaluationReport.Create(rows);

        Assert.Equal(EvaluationReport.CoverageThresholds, report.RiskCoverage.Select(p => p.Threshold));
        var at = report.RiskCoverage.ToDictionary(p => p.Threshold);
        Assert.Equal((5, 5.0 / 6), (at[0.5].Covered, at[0.5].Coverage));
        Assert.Equal(3.0 / 5, at[0.5].Precision!.Value, 12);
        Assert.Equal(4, at[0.7].Covered);
        Assert.Equal(0.75, at[0.7].Precision!.Value, 12);
        Assert.Equal(3, at[0.9].Covered);
        Assert.Equal(2.0 / 3, at[0.9].Precision!.Value, 12);
        Assert.Equal((1, 1.0), (at[0.99].Covered, at[0.99].Precision));
        Assert.Equal(1, at[0.95].Covered);
    }

    [Fact]
    public void Precision_is_absent_when_nothing_is_covered()
    {
        var report = EvaluationReport.Create([Row("track_order", "track_order", 0.3)]);

        Assert.All(report.RiskCoverage, point => Assert.Null(point.Precision));
        Assert.Null(report.AutoEligible.Precision);
    }

    [Fact]
    public void Other_rows_are_auto_eligible_only_when_predicted_as_an_intent_at_high_probability()
    {
        var rows = new[]
        {
            Row("other", "track_order", 0.95), // eligible
            Row("other", "track_order", 0.90), // eligible: the threshold is inclusive
            Row("other", "track_order", 0.89), // too unsure
            Row("other", "other", 0.99),       // stays out of scope
            Row("track_order", "track_order", 0.99),
        };

        var report = EvaluationReport.Create(rows);

        Assert.Equal((4, 2), (report.OtherRows, report.OtherAutoEligible));
        Assert.Equal(0.5, report.OtherAutoEligibleShare!.Value, 12);
        Assert.Equal(3, report.AutoEligible.Covered);
        Assert.Equal(1.0 / 3, report.AutoEligible.Precision!.Value, 12);
    }

    [Fact]
    public void Labels_outside_the_taxonomy_are_reported_and_left_out()
    {
        var rows = new[]
        {
            Row("track_order", "track_order"), Row("refund_please", "get_refund"), Row("refund_please", "get_refund"), Row("", "other"),
        };

        var report = EvaluationReport.Create(rows);

        Assert.Equal(1, report.Rows);
        Assert.Equal(1.0, report.Accuracy);
        Assert.Equal(new Dictionary<string, int> { [""] = 1, ["refund_please"] = 2 }, report.UnknownLabels);
        Assert.Contains("refund_please (2)", report.ToText());
        Assert.Null(report.OtherAutoEligibleShare);
    }

    [Fact]
    public void No_rows_gives_zeros_not_errors()
    {
        var report = EvaluationReport.Create([]);

        Assert.Equal((0, 0.0, 0.0, 0.0), (report.Rows, report.Accuracy, report.MacroF1, report.ExpectedCalibrationError));
        Assert.Contains("rows scored:       0", report.ToText());
    }
}
