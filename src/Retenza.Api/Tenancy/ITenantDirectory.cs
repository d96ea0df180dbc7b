using Retenza.Tenants;

namespace Retenza.Api.Tenancy;

/// <summary>Resolves API keys to tenants: in memory in local mode, PostgreSQL (cached) in cluster mode.</summary>
public interface ITenantDirectory
{
    ValueTask<TenantKey?> FindAsync(string apiKey, CancellationToken ct = default);

    ValueTask<IReadOnlyList<TenantKeyInfo>> ListKeysAsync(string tenant, CancellationToken ct = default);
}
