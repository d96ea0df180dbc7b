namespace Retenza.Triage.Reading;

public interface ILanguageDetector
{
    LanguageGuess Detect(string text);
}
