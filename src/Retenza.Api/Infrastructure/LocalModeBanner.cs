using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Retenza.Api.Tenancy;

namespace Retenza.Api.Infrastructure;

/// <summary>Local mode must never be mistaken for production: say so, loudly, once the server listens.</summary>
public sealed class LocalModeBanner(IServer server, DemoTenant demo, IHostApplicationLifetime lifetime, ILogger<LocalModeBanner> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
            logger.LogWarning(
                """

                ************************************************************************
                *  RETENZA LOCAL MODE: co-hosted silo, IN-MEMORY storage.              *
                *  Everything is lost when this process stops. Not for production:    *
                *  set Retenza:Postgres:ConnectionString for cluster mode.            *
                ************************************************************************
                  Listening on {Urls}
                  Demo tenant '{Tenant}': platform key '{PlatformKey}', admin key '{AdminKey}'
                  Demo orders: RT-10005 (in transit), RT-10006 (delivered), RT-10007 (half lost), RT-10008 (held at customs)
                """,
                urls, demo.Tenant, demo.PlatformKey, demo.AdminKey);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
