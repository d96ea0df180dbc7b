using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Retenza.IntegrationTests.Cluster;

/// <summary>An API node in cluster mode: an Orleans client of the silos on the given database and cluster.</summary>
internal sealed class ClusterApiFactory(string connectionString, string clusterId) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Retenza:Postgres:ConnectionString", connectionString);
        builder.UseSetting("Retenza:Cluster:ClusterId", clusterId);
        builder.UseSetting("Retenza:Cluster:ServiceId", clusterId);
        builder.UseEnvironment("Production");
    }
}
