namespace Retenza.Triage.Training;

/// <summary>
/// At a probability threshold: how many rows the model would answer alone (top probability ≥ threshold),
/// their share of all rows, and how often it is right on them (null when it answers none).
/// </summary>
public sealed record CoveragePoint(double Threshold, int Covered, double Coverage, double? Precision);
