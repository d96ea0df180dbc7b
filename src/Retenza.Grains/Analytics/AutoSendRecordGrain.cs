using Retenza.Analytics;

namespace Retenza.Grains.Analytics;

/// <summary>One tenant's auto-send record per intent: one write per batch a silo flushes, none per ingest.</summary>
public sealed class AutoSendRecordGrain(
    [PersistentState("autosend", StorageNames.Default)] IPersistentState<AutoSendRecordState> state,
    TimeProvider time) : Grain, IAutoSendRecordGrain
{
    /// <summary>A source silent this long has restarted under a new id long ago: its mark can go.</summary>
    public static readonly TimeSpan ForgetSourcesAfter = TimeSpan.FromDays(7);

    public async Task Add(AutoSendBatch batch)
    {
        if (state.State.Sources.TryGetValue(batch.Source, out var mark) && batch.Sequence <= mark.Sequence)
        {
            return; // a retried flush whose first attempt landed
        }

        foreach (var count in batch.Counts)
        {
            if (!state.State.Intents.TryGetValue(count.Intent, out var totals))
            {
                state.State.Intents[count.Intent] = totals = new IntentTotals();
            }

            totals.AutoSent += count.AutoSent;
            totals.Failed += count.Failed;
        }

        var now = time.GetUtcNow();
        state.State.Sources[batch.Source] = new SourceMark(batch.Sequence, now);
        foreach (var stale in state.State.Sources.Where(s => now - s.Value.SeenAt > ForgetSourcesAfter).Select(s => s.Key).ToList())
        {
            state.State.Sources.Remove(stale);
        }

        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
    }

    public Task<IReadOnlyList<IntentAutoSendCount>> Get() => Task.FromResult<IReadOnlyList<IntentAutoSendCount>>(
        [.. state.State.Intents.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => new IntentAutoSendCount(i.Key, i.Value.AutoSent, i.Value.Failed))]);
}
