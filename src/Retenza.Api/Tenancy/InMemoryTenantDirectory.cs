using Retenza.Tenants;

namespace Retenza.Api.Tenancy;

/// <summary>Local mode's tenants: the seeded demo tenant, gone when the process ends.</summary>
public sealed class InMemoryTenantDirectory : ITenantDirectory
{
    private readonly Dictionary<string, TenantKey> _byHash = new(StringComparer.Ordinal);
    private readonly List<(string Tenant, TenantKeyInfo Info)> _infos = [];

    public InMemoryTenantDirectory(IEnumerable<(string Tenant, ApiKeyKind Kind, string Key)> keys, DateTimeOffset createdAt)
    {
        foreach (var (tenant, kind, key) in keys)
        {
            var hash = ApiKeys.Hash(key);
            _byHash[hash] = new TenantKey(tenant, kind);
            _infos.Add((tenant, new TenantKeyInfo(kind, ApiKeys.Fingerprint(hash), createdAt)));
        }
    }

    public ValueTask<TenantKey?> FindAsync(string apiKey, CancellationToken ct = default) =>
        ValueTask.FromResult(_byHash.GetValueOrDefault(ApiKeys.Hash(apiKey)));

    public ValueTask<IReadOnlyList<TenantKeyInfo>> ListKeysAsync(string tenant, CancellationToken ct = default) =>
        ValueTask.FromResult<IReadOnlyList<TenantKeyInfo>>(_infos.Where(i => i.Tenant == tenant).Select(i => i.Info).ToArray());
}
