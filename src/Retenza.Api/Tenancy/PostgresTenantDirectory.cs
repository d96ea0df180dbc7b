using Microsoft.Extensions.Caching.Memory;
using Retenza.Tenants;

namespace Retenza.Api.Tenancy;

/// <summary>
/// Key lookups hit PostgreSQL once per key per <see cref="CacheFor"/>, misses included, so neither
/// steady traffic nor a flood of bad keys turns into one query per request. The price: a rotated
/// key keeps working on each API node for up to that long.
/// </summary>
public sealed class PostgresTenantDirectory(TenantStore store, IMemoryCache cache) : ITenantDirectory
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async ValueTask<TenantKey?> FindAsync(string apiKey, CancellationToken ct = default)
    {
        var cacheKey = "apikey:" + ApiKeys.Hash(apiKey);
        if (cache.TryGetValue(cacheKey, out TenantKey? known))
        {
            return known;
        }

        var found = await store.FindByKeyAsync(apiKey, ct);
        cache.Set(cacheKey, found, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CacheFor, Size = 1 });
        return found;
    }

    public async ValueTask<IReadOnlyList<TenantKeyInfo>> ListKeysAsync(string tenant, CancellationToken ct = default) =>
        await store.ListKeysAsync(tenant, ct);
}
