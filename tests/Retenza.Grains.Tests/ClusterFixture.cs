using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using Retenza.Hosting;
using Retenza.Hosting.Local;
using Retenza.Triage;

namespace Retenza.Grains.Tests;

/// <summary>One in-process cluster shared by the grain tests, with a clock the tests control.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public TestCluster Cluster { get; } = new TestClusterBuilder(1)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .AddClientBuilderConfigurator<ClientConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The silo's services: its serializer, its grain storage.</summary>
    public IServiceProvider SiloServices => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services;

    /// <summary>The silo's grain storage, which counts writes so a test can prove an operation wrote nothing.</summary>
    public WriteCountingStorage Storage => (WriteCountingStorage)SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default,
                (sp, _) => new WriteCountingStorage(new InProcessGrainStorage(sp.GetRequiredService<Serializer>())));
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.AddRetenzaGrainServices();
            silo.Services.AddSingleton<ITriagePipeline, ScriptedTriagePipeline>();
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) => client.Services.AddTriageSerialization();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
