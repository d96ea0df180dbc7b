namespace Retenza.Triage.Intents;

public interface IIntentClassifier
{
    /// <summary>Identifies the trained artifacts, recorded on every assessment.</summary>
    string ModelVersion { get; }

    /// <summary>Classifies cleaned email text (quotes and signatures already stripped).</summary>
    IntentPrediction Classify(string text);
}
