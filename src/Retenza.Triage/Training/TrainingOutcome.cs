using Retenza.Triage.Intents;

namespace Retenza.Triage.Training;

/// <summary>Everything the model card reports about one training run.</summary>
public sealed record TrainingOutcome(
    string ModelVersion,
    string ModelPath,
    long ModelBytes,
    IntentModelInfo Info,
    IReadOnlyList<SourceCount> TrainingSources,
    IntentTrainingOptions Options,
    IReadOnlyList<EvaluationSet> Evaluations,
    CascadeOutcome? Cascade = null);

/// <summary>How many training examples one source contributed.</summary>
public sealed record SourceCount(string Source, int Examples);

/// <summary>A named evaluation set, the model's scores on it, and how many of its rows were left out because training had seen their text.</summary>
public sealed record EvaluationSet(string Name, EvaluationReport Report, int DroppedAsSeen = 0);
