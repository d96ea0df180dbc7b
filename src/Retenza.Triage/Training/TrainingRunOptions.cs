namespace Retenza.Triage.Training;

/// <summary>Where <see cref="TrainingRun"/> reads and writes, and how it trains.</summary>
public sealed record TrainingRunOptions(
    string DataDirectory,
    string AuthoredFile,
    string NoisyFile,
    string OutputDirectory,
    int Seed,
    IntentTrainingOptions Model,
    DateTimeOffset TrainedAt,
    bool EmbeddingHead = false);
