using Orleans.Concurrency;
using Retenza.Tenancy;

namespace Retenza.Grains.Tenancy;

[StatelessWorker]
public sealed class ReadinessGrain(TimeProvider time) : Grain, IReadinessGrain
{
    public Task<DateTimeOffset> Ping() => Task.FromResult(time.GetUtcNow());
}
