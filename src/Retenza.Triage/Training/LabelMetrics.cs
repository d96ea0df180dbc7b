namespace Retenza.Triage.Training;

/// <summary>Precision, recall and F1 of one label; a ratio with nothing to divide by is 0.</summary>
public sealed record LabelMetrics(string Label, int Support, int PredictedCount, int Correct, double Precision, double Recall, double F1);
