using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Retenza.Api.Tenancy;

namespace Retenza.Api.FunctionalTests;

/// <summary>
/// The API in local mode (co-hosted in-memory silo) with two tenants, acme and globex. Starting a
/// silo takes seconds, so one instance serves a whole test collection.
/// </summary>
public class RetenzaApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Free ports, so parallel factories and a developer's running instance never clash.</summary>
    public int SiloPort { get; }

    public int GatewayPort { get; }

    public RetenzaApiFactory()
    {
        (SiloPort, GatewayPort) = FreePorts.Two();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting lands in the configuration Program reads while building (AddRetenzaCluster
        // reads Retenza:Cluster and Retenza:Demo before Build), unlike ConfigureTestServices.
        // Local mode even on a machine whose environment points at a PostgreSQL cluster.
        builder.UseSetting("Retenza:Postgres:ConnectionString", "");
        builder.UseSetting("Retenza:Cluster:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Retenza:Cluster:GatewayPort", GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Retenza:Cluster:ClusterId", $"functional-{Guid.NewGuid():N}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Orleans", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.Orleans", "Error");
        ConfigureSettings(builder);

        builder.ConfigureTestServices(services =>
        {
            if (ReplaceTenantDirectory)
            {
                services.RemoveAll<ITenantDirectory>();
                services.AddSingleton<ITenantDirectory>(new InMemoryTenantDirectory(TestTenants.AllKeys, TestTenants.KeysCreatedAt));
            }
        });
    }

    /// <summary>False keeps Program's own demo-tenant directory, built from Retenza:Demo.</summary>
    protected virtual bool ReplaceTenantDirectory => true;

    /// <summary>Extra configuration for a dedicated factory.</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    /// <summary>A client that sends <paramref name="apiKey"/> as a Bearer token (none when null).</summary>
    public HttpClient ClientFor(string? apiKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    // Start the host (and its silo) once, up front, instead of inside whichever test runs first.
    Task IAsyncLifetime.InitializeAsync()
    {
        _ = Server;
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

internal static class FreePorts
{
    /// <summary>Two distinct ports the OS considers free right now: both listeners stay open until both are known.</summary>
    public static (int First, int Second) Two()
    {
        var first = new TcpListener(IPAddress.Loopback, 0);
        var second = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        second.Start();
        try
        {
            return (((IPEndPoint)first.LocalEndpoint).Port, ((IPEndPoint)second.LocalEndpoint).Port);
        }
        finally
        {
            first.Stop();
            second.Stop();
        }
    }
}
