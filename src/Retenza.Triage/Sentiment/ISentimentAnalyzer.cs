namespace Retenza.Triage.Sentiment;

public interface ISentimentAnalyzer
{
    SentimentReading Analyze(string text);
}
