using Retenza.Triage.Intents;

namespace Retenza.UnitTests.Triage.Intents;

/// <summary>One MiniLM session for the whole test run, as in production (it takes about a second to load).</summary>
internal static class SharedEncoder
{
    private static readonly Lazy<MiniLmSentenceEmbedder> Instance = new(() => new MiniLmSentenceEmbedder());

    public static ISentenceEmbedder Value => Instance.Value;
}
