namespace Retenza.Triage.Training;

/// <summary>One scored example: its true label, the model's top intent and that intent's probability.</summary>
public sealed record EvaluationRow(string Gold, string Predicted, double Probability);
