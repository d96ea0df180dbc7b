namespace Retenza.Triage.Confidence;

/// <summary>The confidence in the draft, never a lone number: <see cref="Breakdown"/> says how it was reached.</summary>
public sealed record ConfidenceScore(double Score, IReadOnlyList<ConfidenceFactor> Breakdown);
