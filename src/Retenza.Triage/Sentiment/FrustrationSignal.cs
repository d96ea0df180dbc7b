namespace Retenza.Triage.Sentiment;

internal enum FrustrationSignalKind
{
    /// <summary>"third time", "how many times", "no one has replied".</summary>
    RepeatContact,

    /// <summary>"still waiting", "still haven't", "no response".</summary>
    Waiting,

    /// <summary>"fed up", "unacceptable", "waste of time", "never again".</summary>
    ExplicitFrustration,

    /// <summary>Lawyers, chargebacks, the BBB, bad reviews.</summary>
    Threat,

    Profanity,

    /// <summary>ALL-CAPS words or runs.</summary>
    Shouting,

    /// <summary>"!!", "???", "?!".</summary>
    RepeatedPunctuation,
}

/// <summary>One phrase that raises frustration, where it is in the text, and how many points it is worth.</summary>
internal readonly record struct FrustrationSignal(FrustrationSignalKind Kind, int Points, int Start, int Length);
