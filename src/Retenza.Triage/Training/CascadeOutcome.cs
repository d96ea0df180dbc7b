using Retenza.Triage.Intents;

namespace Retenza.Triage.Training;

/// <summary>What the model card reports about the embedding head and the cascade.</summary>
public sealed record CascadeOutcome(
    string Version,
    string HeadPath,
    long HeadBytes,
    EmbeddingHeadInfo Info,
    int ValidationRows,
    IReadOnlyList<CascadeCandidate> Candidates,
    IReadOnlyList<EvaluationSet> HeadAlone,
    IReadOnlyList<EvaluationSet> Evaluations,
    IReadOnlyList<LatencySummary> NgramLatency,
    IReadOnlyList<LatencySummary> CascadeLatency,
    double LoadMilliseconds);

/// <summary>One (band, n-gram weight) setting scored on the validation split.</summary>
public sealed record CascadeCandidate(double Band, double NgramWeight, double Accuracy, double NegativeLogLikelihood, double SecondStageShare, int AutoEligible, int AutoEligibleWrong, bool Chosen);
