namespace Retenza.Triage.Intents;

/// <summary>
/// What a trained embedding head records about itself (manifest.json in its zip), including the
/// cascade settings <c>retenza train</c> chose on a validation split: the n-gram probability below
/// which the head is consulted, and how much the n-gram distribution weighs in the blend.
/// </summary>
public sealed record EmbeddingHeadInfo(
    int Format,
    DateTimeOffset TrainedAt,
    string Encoder,
    string Trainer,
    int Dimensions,
    double Temperature,
    double Band,
    double NgramWeight,
    IReadOnlyDictionary<string, int> TrainingExamples);
