using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Retenza.Hosting;

public static class ClientConfiguration
{
    /// <summary>Configures an external Orleans client (an API node in cluster mode) on the PostgreSQL membership table.</summary>
    public static IClientBuilder AddRetenza(this IClientBuilder client, RetenzaSettings settings)
    {
        if (settings.IsLocalMode)
        {
            throw new InvalidOperationException("An external client needs Retenza:Postgres:ConnectionString; local mode co-hosts the silo instead.");
        }

        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.Cluster.ClusterId;
            o.ServiceId = settings.Cluster.ServiceId;
        });
        client.Services.AddOrleansDataSource(settings.Postgres.ConnectionString!);
        client.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringClientOptions> options) =>
            options.Configure<IServiceProvider>((o, services) =>
            {
                o.Invariant = SiloConfiguration.Invariant;
                o.DataSource = OrleansDataSource.From(services);
            }));
        client.Services.AddTriageSerialization();
        return client;
    }
}
