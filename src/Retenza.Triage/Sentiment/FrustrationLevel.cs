namespace Retenza.Triage.Sentiment;

public enum FrustrationLevel
{
    None,
    Low,
    Medium,
    High,
}
