using Microsoft.Extensions.Caching.Memory;
using Retenza.Agents;
using Retenza.Tenancy;
using Retenza.Tenants;

namespace Retenza.Api.Auth;

/// <summary>
/// Agent token → tenant and agent: one call to that agent's grain, then cached per token hash for
/// <see cref="CacheFor"/> (misses included). A replaced token therefore keeps working on a node
/// that has just seen it for at most that long, as for tenant keys.
/// </summary>
public sealed class AgentTokenResolver(IGrainFactory grains, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async ValueTask<(string Tenant, string AgentId)?> FindAsync(string token)
    {
        if (!AgentTokens.TryParse(token, out var tenant, out var agentId) || !ApiKeys.IsValidTenantName(tenant))
        {
            return null;
        }

        var hash = AgentTokens.Hash(token);
        var cacheKey = "agenttoken:" + hash;
        if (cache.TryGetValue(cacheKey, out bool known))
        {
            return known ? (tenant, agentId) : null;
        }

        var profile = await grains.GetGrain<IAgentGrain>(GrainKeys.Compose(tenant, agentId)).Authenticate(hash);
        cache.Set(cacheKey, profile is not null, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CacheFor, Size = 1 });
        return profile is null ? null : (tenant, agentId);
    }
}
