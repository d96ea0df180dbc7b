namespace Retenza.Grains.Analytics;

[GenerateSerializer, Alias("Retenza.Grains.AutoSendRecordState")]
public sealed class AutoSendRecordState
{
    [Id(0)] public Dictionary<string, IntentTotals> Intents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last batch applied per source (silo process), so a retried flush counts once; pruned by age.</summary>
    [Id(1)] public Dictionary<string, SourceMark> Sources { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer, Alias("Retenza.Grains.IntentTotals")]
public sealed class IntentTotals
{
    [Id(0)] public long AutoSent { get; set; }
    [Id(1)] public long Failed { get; set; }
}

[GenerateSerializer, Immutable, Alias("Retenza.Grains.SourceMark")]
public sealed record SourceMark([property: Id(0)] long Sequence, [property: Id(1)] DateTimeOffset SeenAt);
