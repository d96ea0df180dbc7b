using Microsoft.Extensions.Logging;
using Retenza.Analytics;

namespace Retenza.Grains.Analytics;

/// <summary>
/// Per-silo aggregator of auto-send outcomes. Ticket grains count in memory (no grain call, no write on
/// the ingest path); every <see cref="FlushEvery"/>, and when the silo stops, each tenant's counts go to its
/// <see cref="IAutoSendRecordGrain"/> in one call. A crash loses what this silo counted since its last flush
/// (at most <see cref="FlushEvery"/> of auto sends): these are analytics; tickets never depend on them.
/// A failed flush is retried with the same sequence number, so it never counts twice.
/// </summary>
public sealed class AutoSendTally(IGrainFactory grains, TimeProvider time, ILogger<AutoSendTally> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    public static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly string _source = Guid.NewGuid().ToString("N");
    private Dictionary<(string Tenant, string Intent), (long AutoSent, long Failed)> _counts = [];

    /// <summary>Batches sent but not acknowledged, per tenant: resent as they are before anything newer.</summary>
    private readonly Dictionary<string, AutoSendBatch> _unacknowledged = new(StringComparer.Ordinal);
    private long _sequence;
    private ITimer? _timer;

    public void AutoSent(string tenant, string intent) => Add(tenant, intent, 1, 0);

    public void Failed(string tenant, string intent) => Add(tenant, intent, 0, 1);

    /// <summary>Sends what was counted so far; tests call it instead of waiting for the timer.</summary>
    public async Task FlushAsync()
    {
        await _flushing.WaitAsync();
        try
        {
            Dictionary<(string Tenant, string Intent), (long AutoSent, long Failed)> taken;
            lock (_gate)
            {
                taken = _counts;
                _counts = [];
            }

            foreach (var tenant in taken.Keys.Select(k => k.Tenant).Concat(_unacknowledged.Keys).Distinct(StringComparer.Ordinal).ToList())
            {
                if (!_unacknowledged.ContainsKey(tenant))
                {
                    _unacknowledged[tenant] = new AutoSendBatch(_source, ++_sequence,
                        [.. taken.Where(k => k.Key.Tenant == tenant).Select(k => new IntentAutoSendCount(k.Key.Intent, k.Value.AutoSent, k.Value.Failed))]);
                }
                else
                {
                    // The batch in flight keeps its sequence; what came since waits for the next flush.
                    foreach (var (key, value) in taken.Where(k => k.Key.Tenant == tenant))
                    {
                        Add(key.Tenant, key.Intent, value.AutoSent, value.Failed);
                    }
                }

                try
                {
                    await grains.GetGrain<IAutoSendRecordGrain>(AnalyticsKeys.AutoSend(tenant)).Add(_unacknowledged[tenant]);
                    _unacknowledged.Remove(tenant);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Auto-send counts for tenant {Tenant} not flushed; retrying at the next flush", tenant);
                }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(AutoSendTally), ServiceLifecycleStage.Active,
            _ =>
            {
                _timer = time.CreateTimer(_ => _ = FlushAsync(), null, FlushEvery, FlushEvery);
                return Task.CompletedTask;
            },
            async _ =>
            {
                // Graceful shutdown: nothing counted is lost while grains can still be called.
                _timer?.Dispose();
                await FlushAsync();
            });

    public void Dispose()
    {
        _timer?.Dispose();
        _flushing.Dispose();
    }

    private void Add(string tenant, string intent, long autoSent, long failed)
    {
        lock (_gate)
        {
            var current = _counts.GetValueOrDefault((tenant, intent));
            _counts[(tenant, intent)] = (current.AutoSent + autoSent, current.Failed + failed);
        }
    }
}
