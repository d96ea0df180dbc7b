namespace Retenza.Analytics;

/// <summary>
/// A tenant's auto-send record per intent (SPEC §6 under-escalation), keyed <see cref="AnalyticsKeys.AutoSend"/>.
/// Silos add batched counts on a timer, never one call per ingest.
/// </summary>
[Alias("Retenza.IAutoSendRecordGrain")]
public interface IAutoSendRecordGrain : IGrainWithStringKey
{
    /// <summary>Adds a batch; a batch already applied (same source, sequence not newer) writes nothing.</summary>
    [Alias("Add")]
    Task Add(AutoSendBatch batch);

    /// <summary>Per intent, ordered by intent name.</summary>
    [Alias("Get"), Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<IntentAutoSendCount>> Get();
}
