namespace Retenza.Analytics;

/// <summary>Replies auto-sent for an intent, and how many of them failed (the customer wrote back unhappy or asked for a person).</summary>
[GenerateSerializer, Immutable, Alias("Retenza.IntentAutoSendCount")]
public sealed record IntentAutoSendCount(
    [property: Id(0)] string Intent,
    [property: Id(1)] long AutoSent,
    [property: Id(2)] long Failed);
