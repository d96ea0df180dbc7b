using System.Collections.Concurrent;
using Retenza.Policy;
using Retenza.Triage.Policy;

namespace Retenza.Grains.Policy;

/// <summary>
/// Every ticket needs its tenant's policy, so asking the policy grain each time would make it the
/// tenant's bottleneck. Each silo keeps the current policy for <see cref="Lifetime"/>; a change
/// therefore takes effect everywhere within that time (the API's PUT answer says so).
/// </summary>
public sealed class TenantPolicyCache(IGrainFactory grains, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async ValueTask<TriagePolicy> GetAsync(string tenant)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(tenant, out var entry) && now < entry.FreshUntil)
        {
            return entry.Policy;
        }

        var policy = await grains.GetGrain<IPolicyGrain>(PolicyKeys.For(tenant)).Get();
        _entries[tenant] = new Entry(policy, now + Lifetime);
        return policy;
    }

    private sealed record Entry(TriagePolicy Policy, DateTimeOffset FreshUntil);
}
