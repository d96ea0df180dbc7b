using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Retenza.Hosting;

namespace Retenza.IntegrationTests.Cluster;

/// <summary>
/// A silo's service container as <see cref="SiloConfiguration"/> builds it, in cluster mode (a connection string that
/// is never used) or local mode; nothing is started or connected. For tests of what settings reach Orleans.
/// </summary>
internal static class SiloContainer
{
    public static IHost Build(ClusterSettings cluster, bool localMode = false)
    {
        var settings = new RetenzaSettings { Cluster = cluster };
        if (!localMode)
        {
            settings.Postgres.ConnectionString = "Host=127.0.0.1;Database=unused";
        }

        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.AddRetenza(settings));
        return builder.Build();
    }

    /// <summary>The options Orleans would read; a setting that fails validation throws here.</summary>
    public static TOptions Options<TOptions>(ClusterSettings cluster, bool localMode = false)
        where TOptions : class
    {
        using var host = Build(cluster, localMode);
        return host.Services.GetRequiredService<IOptions<TOptions>>().Value;
    }
}
