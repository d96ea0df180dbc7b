namespace Retenza.Triage.Training;

/// <summary>Knobs of <see cref="IntentTrainer"/>; the defaults are the ones the committed model was trained with.</summary>
public sealed record IntentTrainingOptions
{
    /// <summary>An n-gram must occur in this many training texts to become a feature.</summary>
    public int MinDocuments { get; init; } = 2;

    public int MaxWordGrams { get; init; } = 12_000;

    public int MaxCharGrams { get; init; } = 30_000;

    /// <summary>
    /// L2 penalty of the maximum-entropy trainer. ML.NET's default (1) makes this model badly
    /// under-confident; 0.01 keeps probabilities meaningful without memorising.
    /// </summary>
    public float L2Regularization { get; init; } = 0.01f;

    /// <summary>
    /// When set, every intent weighs as much in training as a median-sized intent, so our few dozen
    /// authored examples of an intent are not drowned by hundreds of Bitext ones.
    /// </summary>
    public bool BalanceClasses { get; init; } = true;

    /// <summary>How many median-sized intents <c>other</c> weighs: it covers everything else people write.</summary>
    public double OtherWeight { get; init; } = 1.5;

    public int MaxIterations { get; init; } = 300;

    public int Seed { get; init; } = 20240601;
}
