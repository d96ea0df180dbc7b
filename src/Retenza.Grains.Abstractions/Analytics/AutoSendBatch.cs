namespace Retenza.Analytics;

/// <summary>
/// Counts one silo gathered for one tenant since its last flush. <paramref name="Source"/> and
/// <paramref name="Sequence"/> make a retried flush count once.
/// </summary>
[GenerateSerializer, Immutable, Alias("Retenza.AutoSendBatch")]
public sealed record AutoSendBatch(
    [property: Id(0)] string Source,
    [property: Id(1)] long Sequence,
    [property: Id(2)] IReadOnlyList<IntentAutoSendCount> Counts);
