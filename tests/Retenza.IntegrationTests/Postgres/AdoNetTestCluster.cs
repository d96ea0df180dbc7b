using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Retenza.Hosting;
using Retenza.Postgres;

namespace Retenza.IntegrationTests.Postgres;

/// <summary>
/// A TestCluster whose silos use the ADO.NET clustering, grain storage ("retenza") and reminders on a test database.
/// Real clustering needs real sockets and no test membership: silos and client find each other through the table.
/// The providers get the connection settings silos use (<see cref="ConnectionStrings.ForOrleans"/>).
/// </summary>
internal static class AdoNetTestCluster
{
    private const string ConnectionStringKey = "RetenzaTest:PostgresConnectionString";

    public static TestCluster Build(string connectionString, short silos = 1)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Options.ClusterId = $"cluster-{Guid.NewGuid():N}";
        builder.Options.ServiceId = "retenza-test";
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[ConnectionStringKey] = ConnectionStrings.ForOrleans(connectionString);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        return builder.Build();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var connectionString = silo.Configuration[ConnectionStringKey];
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = OrleansProviders.Invariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(OrleansProviders.StorageName, o =>
            {
                o.Invariant = OrleansProviders.Invariant;
                o.ConnectionString = connectionString;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = OrleansProviders.Invariant;
                o.ConnectionString = connectionString;
            });
            silo.Services.AddRetenzaGrainServices();
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client)
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = OrleansProviders.Invariant;
                o.ConnectionString = configuration[ConnectionStringKey];
            });
            client.Services.AddTriageSerialization();
        }
    }
}
