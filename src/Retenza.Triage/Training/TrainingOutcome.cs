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
    CascadeOutcome? Cascade = null)
{
    /// <summary>What the whole pipeline would auto-send from each of our noisy sets (empty when none was given).</summary>
    public IReadOnlyList<AutoTierSet> AutoTier { get; init; } = [];

    /// <summary>What each later noisy set decided, from the notes beside them (see <see cref="NoisySetFiles.Note"/>).</summary>
    public IReadOnlyList<string> NoisySetNotes { get; init; } = [];
}

/// <summary>The auto tier of one evaluation set under each order condition.</summary>
public sealed record AutoTierSet(string Name, IReadOnlyList<AutoTierReport> Reports);

/// <summary>How many training examples one source contributed.</summary>
public sealed record SourceCount(string Source, int Examples);

/// <summary>A named evaluation set, the model's scores on it, and how many of its rows were left out because training had seen their text.</summary>
public sealed record EvaluationSet(string Name, EvaluationReport Report, int DroppedAsSeen = 0);
