namespace Retenza.Triage.Intents;

/// <summary>What a trained intent model records about itself (stored as manifest.json in its zip).</summary>
public sealed record IntentModelInfo(
    int Format,
    DateTimeOffset TrainedAt,
    string Trainer,
    double Temperature,
    int WordFeatures,
    int CharFeatures,
    IReadOnlyDictionary<string, int> TrainingExamples);
