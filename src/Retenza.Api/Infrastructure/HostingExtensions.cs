using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using Retenza.Api.Tenancy;
using Retenza.Hosting;
using Retenza.Tenants;

namespace Retenza.Api.Infrastructure;

public static class HostingExtensions
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// Cluster mode: an Orleans client of the PostgreSQL cluster, tenants from PostgreSQL.
    /// Local mode: a co-hosted silo in memory and a seeded demo tenant.
    /// </summary>
    public static RetenzaSettings AddRetenzaCluster(this WebApplicationBuilder builder)
    {
        var settings = RetenzaSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        if (settings.IsLocalMode)
        {
            builder.UseOrleans(silo => silo.AddRetenza(settings));
            var demo = builder.Configuration.GetSection(DemoTenant.SectionName).Get<DemoTenant>() ?? new DemoTenant();
            builder.Services.AddSingleton(demo);
            builder.Services.AddSingleton<ITenantDirectory>(sp => new InMemoryTenantDirectory(
                [(demo.Tenant, ApiKeyKind.Platform, demo.PlatformKey), (demo.Tenant, ApiKeyKind.Admin, demo.AdminKey)],
                sp.GetRequiredService<TimeProvider>().GetUtcNow()));
            builder.Services.AddHostedService<DemoOrders>();
            builder.Services.AddHostedService<LocalModeBanner>();
        }
        else
        {
            builder.UseOrleansClient(client => client.AddRetenza(settings)
                // Silos may still be starting (compose, rolling restarts): keep trying instead of exiting.
                .UseConnectionRetryFilter(async (_, ct) =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                    return true;
                }));
            builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(settings.Postgres.ConnectionString!));
            builder.Services.AddSingleton<TenantStore>();
            builder.Services.AddMemoryCache(o => o.SizeLimit = 100_000);
            builder.Services.AddSingleton<ITenantDirectory, PostgresTenantDirectory>();
            builder.Services.AddHostedService<DemoKeyGuard>();
        }

        return settings;
    }

    /// <summary>Listen on 5080 unless --urls, ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS say otherwise.</summary>
    public static void UseDefaultUrl(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["urls"] ?? builder.Configuration["http_ports"] ?? builder.Configuration["https_ports"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
    }
}
