namespace Retenza.Triage.Intents;

/// <summary>A slower, more robust intent scorer that <see cref="CascadeIntentClassifier"/> consults only when the fast stage is unsure.</summary>
public interface IIntentSecondStage
{
    /// <summary>Identifies the stage's artifacts, recorded in the cascade's model version.</summary>
    string Version { get; }

    IReadOnlyList<string> Labels { get; }

    /// <summary>Calibrated probabilities in <see cref="Labels"/> order for cleaned email text.</summary>
    void Score(string text, Span<double> probabilities);
}
