namespace Retenza.Triage.Confidence;

/// <summary>One term of the confidence: its value in [0, 1], its weight, and why it has that value.</summary>
public sealed record ConfidenceFactor(string Name, double Value, double Weight, string Detail);
