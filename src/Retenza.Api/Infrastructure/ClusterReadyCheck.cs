using Microsoft.Extensions.Diagnostics.HealthChecks;
using Retenza.Tenancy;

namespace Retenza.Api.Infrastructure;

/// <summary>/ready: a real grain call, so "ready" means the cluster can run work for this node.</summary>
public sealed class ClusterReadyCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await grains.GetGrain<IReadinessGrain>(0).Ping().WaitAsync(TimeSpan.FromSeconds(3), ct);
            return HealthCheckResult.Healthy("Cluster answered.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Cluster did not answer.", e);
        }
    }
}
