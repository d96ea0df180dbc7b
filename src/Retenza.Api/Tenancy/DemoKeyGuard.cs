namespace Retenza.Api.Tenancy;

/// <summary>Cluster mode holds real data: refuse to serve it behind a key printed in our README.</summary>
public sealed class DemoKeyGuard(ITenantDirectory tenants, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetSection(DemoTenant.SectionName).Exists())
        {
            throw new InvalidOperationException(
                $"'{DemoTenant.SectionName}' is configured, but demo keys exist only in local mode. Remove it and create tenants with 'retenza tenant add'.");
        }

        foreach (var key in new[] { DemoTenant.DefaultPlatformKey, DemoTenant.DefaultAdminKey })
        {
            if (await tenants.FindAsync(key, cancellationToken) is { } found)
            {
                throw new InvalidOperationException(
                    $"Refusing to start: the public demo key '{key}' is valid for tenant '{found.Tenant}'. Rotate it with 'retenza tenant rotate-key'.");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
