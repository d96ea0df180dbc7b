using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Retenza.Grains;
using Retenza.Grains.Policy;
using Retenza.Hosting.Local;

namespace Retenza.Hosting;

public static class SiloConfiguration
{
    /// <summary>Invariant name of the ADO.NET provider; Orleans defaults to SQL Server without it.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Configures a silo for cluster mode (PostgreSQL) or local mode (localhost, in memory).</summary>
    public static ISiloBuilder AddRetenza(this ISiloBuilder silo, RetenzaSettings settings)
    {
        if (settings.IsLocalMode)
        {
            silo.UseLocalhostClustering(settings.Cluster.SiloPort, settings.Cluster.GatewayPort, null,
                settings.Cluster.ServiceId, settings.Cluster.ClusterId);
            silo.AddInProcessGrainStorage();
            silo.UseInMemoryReminderService();
        }
        else
        {
            silo.Services.AddOrleansDataSource(settings.Postgres.ConnectionString!);
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.Cluster.ClusterId;
                o.ServiceId = settings.Cluster.ServiceId;
            });
            silo.ConfigureEndpoints(AdvertisedAddress(settings.Cluster.AdvertisedAddress), settings.Cluster.SiloPort,
                settings.Cluster.GatewayPort, listenOnAnyHostAddress: true);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = settings.Cluster.ProbeTimeout ?? o.ProbeTimeout;
                o.ExtendProbeTimeoutDuringDegradation = settings.Cluster.ExtendProbeTimeoutDuringDegradation ?? o.ExtendProbeTimeoutDuringDegradation;
                o.NumVotesForDeathDeclaration = settings.Cluster.NumVotesForDeathDeclaration ?? o.NumVotesForDeathDeclaration;
            });
            silo.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> options) =>
                options.Configure<IServiceProvider>((o, services) =>
                {
                    o.Invariant = Invariant;
                    o.DataSource = OrleansDataSource.From(services);
                }));
            silo.AddAdoNetGrainStorage(StorageNames.Default, (OptionsBuilder<AdoNetGrainStorageOptions> options) =>
                options.Configure<Serializer, IServiceProvider>((o, serializer, services) =>
                {
                    o.Invariant = Invariant;
                    o.DataSource = OrleansDataSource.From(services);
                    // Orleans' binary format: smaller rows and cheaper writes than JSON on the ingest hot path.
                    o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                }));
            silo.UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> options) =>
                options.Configure<IServiceProvider>((o, services) =>
                {
                    o.Invariant = Invariant;
                    o.DataSource = OrleansDataSource.From(services);
                }));
        }

        silo.Configure<GrainCollectionOptions>(o =>
        {
            ConfigureShedding(o, settings.Cluster.ShedActivationsAbovePercent);
            ConfigureRecordAge(o, settings.Cluster.KeepIdleRecordsFor);
        });
        silo.Services.AddRetenzaGrainServices();
        silo.Services.AddSingleton(Options.Create(settings.CustomerMemory));
        silo.Services.AddRetenzaTriage(settings.Triage);
        return silo;
    }

    /// <summary>What the grains need in any silo, whatever its storage: also used by the grain test clusters.</summary>
    public static IServiceCollection AddRetenzaGrainServices(this IServiceCollection services)
    {
        services.AddTriageSerialization();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TenantPolicyCache>();
        services.AddOptions<Retenza.Grains.Customers.CustomerMemoryOptions>();
        services.TryAddSingleton<Retenza.Grains.Analytics.AutoSendTally>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<Retenza.Grains.Analytics.AutoSendTally>());
        return services;
    }

    /// <summary>Local mode's storage (see <see cref="InProcessGrainStorage"/>); also what the grain tests run on.</summary>
    public static ISiloBuilder AddInProcessGrainStorage(this ISiloBuilder silo)
    {
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default,
            (sp, _) => new InProcessGrainStorage(sp.GetRequiredService<Serializer>()));
        return silo;
    }

    /// <summary>Memory-pressure shedding of idle activations (see <see cref="ClusterSettings.ShedActivationsAbovePercent"/>).</summary>
    internal static void ConfigureShedding(GrainCollectionOptions options, double abovePercent)
    {
        if (abovePercent is < 0 or > 100 || double.IsNaN(abovePercent))
        {
            throw new ArgumentOutOfRangeException(nameof(abovePercent), abovePercent, "Retenza:Cluster:ShedActivationsAbovePercent must be between 0 (off) and 100.");
        }

        options.EnableActivationSheddingOnMemoryPressure = abovePercent > 0;
        if (abovePercent > 0)
        {
            options.MemoryUsageLimitPercentage = abovePercent;
            // Orleans wants the target below the limit and above 0: 5 points below, or halfway for a tiny limit.
            options.MemoryUsageTargetPercentage = abovePercent - Math.Min(5, abovePercent / 2);
        }
    }

    /// <summary>The grains there is one of per email or sender (see <see cref="ClusterSettings.KeepIdleRecordsFor"/>).</summary>
    internal static readonly Type[] RecordGrains =
    [
        typeof(Retenza.Grains.Tickets.TicketGrain),
        typeof(Retenza.Grains.Customers.CustomerGrain),
        typeof(Retenza.Grains.Customers.CustomerIndexPageGrain),
        typeof(Retenza.Grains.Orders.OrderGrain),
    ];

    internal static void ConfigureRecordAge(GrainCollectionOptions options, TimeSpan age)
    {
        if (age < options.CollectionQuantum)
        {
            throw new ArgumentOutOfRangeException(nameof(age), age,
                $"Retenza:Cluster:KeepIdleRecordsFor must be at least {options.CollectionQuantum} (Orleans collects idle grains that often).");
        }

        foreach (var grain in RecordGrains)
        {
            options.ClassSpecificCollectionAge[grain.FullName!] = age;
        }
    }

    private static IPAddress AdvertisedAddress(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured) && IPAddress.TryParse(configured, out var ip))
        {
            return ip;
        }

        // In containers the host name resolves to the container's own address, which is what peers can reach.
        var host = string.IsNullOrWhiteSpace(configured) ? Dns.GetHostName() : configured;
        var addresses = Dns.GetHostAddresses(host);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? IPAddress.Loopback;
    }
}
