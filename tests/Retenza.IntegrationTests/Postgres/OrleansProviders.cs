using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Retenza.Postgres;

namespace Retenza.IntegrationTests.Postgres;

/// <summary>
/// Builds the Orleans ADO.NET providers directly against a test database, the way Orleans' own provider tests do,
/// so each test can pick its own database, ClusterId/ServiceId, hasher and clear mode without starting a silo.
/// The providers get the connection settings silos use (<see cref="ConnectionStrings.ForOrleans"/>: multiplexed,
/// auto-prepared commands), so the contract is checked as it runs in production.
/// </summary>
internal static class OrleansProviders
{
    /// <summary>Every provider needs this; Persistence would otherwise default to SQL Server.</summary>
    public const string Invariant = "Npgsql";

    public const string StorageName = "retenza";

    private static readonly IServiceProvider SerializationServices = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public static async Task<AdoNetClusteringTable> ClusteringTableAsync(string connectionString, string clusterId, bool initTableVersion = true)
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "retenza-test" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = Invariant, ConnectionString = ConnectionStrings.ForOrleans(connectionString) }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(initTableVersion, CancellationToken.None);
        return table;
    }

    public static async Task<IGatewayListProvider> GatewayListProviderAsync(string connectionString, string clusterId)
    {
        var provider = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = Invariant, ConnectionString = ConnectionStrings.ForOrleans(connectionString) }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "retenza-test" }));
        await provider.InitializeGatewayListProviderAsync(CancellationToken.None);
        return provider;
    }

    /// <summary>The ADO.NET reminder table is internal; its public constructor is reached by reflection.</summary>
    public static async Task<IReminderTable> ReminderTableAsync(string connectionString, string serviceId)
    {
        var type = typeof(AdoNetReminderTableOptions).Assembly.GetType("Orleans.Runtime.ReminderService.AdoNetReminderTable", throwOnError: true)!;
        var table = (IReminderTable)Activator.CreateInstance(
            type,
            Options.Create(new ClusterOptions { ClusterId = "retenza-test", ServiceId = serviceId }),
            Options.Create(new AdoNetReminderTableOptions { Invariant = Invariant, ConnectionString = ConnectionStrings.ForOrleans(connectionString) }))!;
        await table.StartAsync(CancellationToken.None);
        return table;
    }

    /// <summary>A started grain storage; <paramref name="hasher"/> replaces Orleans' default hash (e.g. a constant one).</summary>
    public static async Task<IGrainStorage> GrainStorageAsync(
        string connectionString, string serviceId, bool deleteStateOnClear, IHasher? hasher = null)
    {
        var options = new AdoNetGrainStorageOptions
        {
            Invariant = Invariant,
            ConnectionString = ConnectionStrings.ForOrleans(connectionString),
            DeleteStateOnClear = deleteStateOnClear,
            GrainStorageSerializer = new OrleansGrainStorageSerializer(SerializationServices.GetRequiredService<Serializer>()),
            HashPicker = hasher is null ? null! : new StorageHasherPicker([hasher]),
        };
        var storage = new AdoNetGrainStorage(
            SerializationServices.GetRequiredService<IActivatorProvider>(),
            NullLogger<AdoNetGrainStorage>.Instance,
            Options.Create(options),
            Options.Create(new ClusterOptions { ClusterId = "retenza-test", ServiceId = serviceId }),
            StorageName);

        // The provider loads its queries in its silo-lifecycle stage; run just that stage.
        var lifecycle = new SingleStageLifecycle();
        storage.Participate(lifecycle);
        await lifecycle.StartAsync();
        return storage;
    }

    /// <summary>The query-key properties of a provider's internal DbStoredQueries class, which it validates at start-up.</summary>
    public static IReadOnlyList<string> RequiredQueryKeys(Assembly providerAssembly, string storageNamespace) =>
        providerAssembly.GetType($"{storageNamespace}.DbStoredQueries", throwOnError: true)!
            .GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)
            .Select(p => p.Name)
            .ToArray();
}
