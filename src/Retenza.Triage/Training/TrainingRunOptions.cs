namespace Retenza.Triage.Training;

/// <summary>
/// Where <see cref="TrainingRun"/> reads and writes, and how it trains. <see cref="NoisyFile"/> and
/// <see cref="MoreNoisyFiles"/> are our own held-out emails: evaluated (model alone and whole pipeline), never trained on.
/// </summary>
public sealed record TrainingRunOptions(
    string DataDirectory,
    string AuthoredFile,
    string NoisyFile,
    string OutputDirectory,
    int Seed,
    IntentTrainingOptions Model,
    DateTimeOffset TrainedAt,
    bool EmbeddingHead = false,
    IReadOnlyList<string>? MoreNoisyFiles = null);
