namespace Retenza.Triage.Sentiment;

/// <summary>Score in [-1, 1] (negative is unhappy), a frustration level, and the phrases that moved them.</summary>
public sealed record SentimentReading(double Score, FrustrationLevel Frustration, IReadOnlyList<string> Evidence);
