namespace Retenza.Triage.Training;

/// <summary>
/// What the whole triage pipeline would auto-send from labelled emails under one <see cref="OrderCondition"/>:
/// how many (coverage), how often the auto-sent reply answers the right intent (precision), the share that would
/// go to review and escalation, and every wrongly auto-sent email. <see cref="PrecisionLowerBound"/> is the
/// one-sided 95 % Clopper–Pearson bound: a handful of auto-sent emails, all right, proves little.
/// </summary>
public sealed record AutoTierReport(
    string Condition,
    int Rows,
    int Auto,
    int AutoCorrect,
    int Review,
    int Escalate,
    int HumanOnlyRows,
    int HumanOnlyAuto,
    IReadOnlyList<AutoTierError> Errors)
{
    public double Coverage => Rows == 0 ? 0 : (double)Auto / Rows;

    /// <summary>Right intents among auto-sent emails; null when nothing was auto-sent.</summary>
    public double? Precision => Auto == 0 ? null : (double)AutoCorrect / Auto;

    public double? PrecisionLowerBound => Auto == 0 ? null : BinomialBounds.LowerBound95(AutoCorrect, Auto);
}

/// <summary>An email the pipeline would have auto-sent with the wrong intent.</summary>
public sealed record AutoTierError(string Text, string Gold, string Predicted, double Confidence);
