namespace Retenza.Triage.Reading;

/// <summary>ISO 639-1 code (or <c>und</c> when undetermined) and how sure the detector is, in [0, 1].</summary>
public sealed record LanguageGuess(string Code, double Confidence)
{
    public const string Undetermined = "und";
}
