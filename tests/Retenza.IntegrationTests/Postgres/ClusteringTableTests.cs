using System.Net;
using Npgsql;
using Orleans.Runtime.MembershipService;

namespace Retenza.IntegrationTests.Postgres;

/// <summary>
/// The ADO.NET membership table on our schema (the provider contract's clustering checklist):
/// the table version is the only concurrency token, +1 per success, nothing changed on failure.
/// </summary>
public abstract class ClusteringTableTests(PostgresServer server, string timeZone) : IAsyncLifetime
{
    private static readonly IPAddress Ipv6Address = IPAddress.Parse("fd00:1234:5678::42");
    private int _nextPort = 11_000;

    protected string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync() => ConnectionString = await server.CreateMigratedDatabaseAsync(timeZone);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task New_cluster_has_no_members_and_version_0()
    {
        var table = await NewTableAsync();

        var data = await table.ReadAllAsync(CancellationToken.None);

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
    }

    [Fact]
    public async Task Concurrent_version_inserts_raise_no_errors_and_create_one_record()
    {
        var clusterId = NewClusterId();

        // Every silo initialises the version record at start-up, possibly at the same moment.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => OrleansProviders.ClusteringTableAsync(ConnectionString, clusterId))));
        var created = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => RunInsertMembershipVersionQueryAsync(NewClusterIdFor(clusterId)))));

        var table = await OrleansProviders.ClusteringTableAsync(ConnectionString, clusterId);
        Assert.Equal(0, (await table.ReadAllAsync(CancellationToken.None)).Version.Version);
        Assert.Equal(1, created.Sum());
    }

    [Fact]
    public async Task Insert_with_the_current_version_succeeds_and_bumps_the_version_to_1()
    {
        var table = await NewTableAsync();
        var version = (await table.ReadAllAsync(CancellationToken.None)).Version;
        var entry = NewEntry();

        Assert.True(await table.InsertRowAsync(entry, version.Next(), CancellationToken.None));

        var data = await table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(1, data.Version.Version);
        Assert.Equal(entry.ToFullString(), Assert.Single(data.Members).Item1.ToFullString());
    }

    [Fact]
    public async Task Duplicate_insert_fails_and_changes_nothing()
    {
        var table = await NewTableAsync();
        var entry = NewEntry();
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));
        var before = await table.ReadAllAsync(CancellationToken.None);

        var duplicate = NewEntry(entry.SiloAddress, SiloStatus.Active);
        Assert.False(await table.InsertRowAsync(duplicate, before.Version.Next(), CancellationToken.None));

        var after = await table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(1, after.Version.Version);
        Assert.Equal(entry.ToFullString(), Assert.Single(after.Members).Item1.ToFullString());
    }

    [Fact]
    public async Task Insert_with_a_stale_version_fails_and_leaves_no_partial_row()
    {
        var table = await NewTableAsync();
        var stale = (await table.ReadAllAsync(CancellationToken.None)).Version;
        Assert.True(await table.InsertRowAsync(NewEntry(), stale.Next(), CancellationToken.None));

        var late = NewEntry();
        Assert.False(await table.InsertRowAsync(late, stale.Next(), CancellationToken.None));

        var data = await table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(1, data.Version.Version);
        Assert.Null(data.TryGet(late.SiloAddress));
    }

    [Fact]
    public async Task Update_needs_the_current_version_and_an_existing_silo()
    {
        var table = await NewTableAsync();
        var entry = NewEntry();
        var initial = (await table.ReadAllAsync(CancellationToken.None)).Version;
        Assert.True(await table.InsertRowAsync(entry, initial.Next(), CancellationToken.None));
        var current = await table.ReadRowAsync(entry.SiloAddress, CancellationToken.None);
        var (stored, etag) = Assert.Single(current.Members);

        // Orleans only sends an update whose row ETag matches the table version it carries, so a stale
        // pair reaches the database and must be refused there.
        stored.Status = SiloStatus.Active;
        Assert.False(await table.UpdateRowAsync(stored, initial.VersionEtag, initial.Next(), CancellationToken.None));
        Assert.Equal(1, (await table.ReadAllAsync(CancellationToken.None)).Version.Version);

        Assert.True(await table.UpdateRowAsync(stored, etag, current.Version.Next(), CancellationToken.None));
        var updated = await table.ReadRowAsync(entry.SiloAddress, CancellationToken.None);
        Assert.Equal(2, updated.Version.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(updated.Members).Item1.Status);

        var missing = NewEntry(status: SiloStatus.Active);
        Assert.False(await table.UpdateRowAsync(missing, updated.Version.VersionEtag, updated.Version.Next(), CancellationToken.None));
        Assert.Equal(2, (await table.ReadAllAsync(CancellationToken.None)).Version.Version);
        Assert.Null((await table.ReadAllAsync(CancellationToken.None)).TryGet(missing.SiloAddress));
    }

    [Fact]
    public async Task Of_20_parallel_inserts_at_one_version_exactly_one_succeeds()
    {
        var table = await NewTableAsync();
        var version = (await table.ReadAllAsync(CancellationToken.None)).Version;
        var entries = Enumerable.Range(0, 20).Select(_ => NewEntry()).ToArray();

        var results = await Task.WhenAll(entries.Select(e => Task.Run(() => table.InsertRowAsync(e, version.Next(), CancellationToken.None))));

        Assert.Single(results, inserted => inserted);
        var data = await table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(1, data.Version.Version);
        Assert.Single(data.Members);
    }

    [Fact]
    public async Task Nineteen_racing_update_loops_end_at_version_20()
    {
        var table = await NewTableAsync();
        var entry = NewEntry(status: SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));

        // Each loop re-reads and retries until its update wins, as the membership oracle does on a conflict.
        await Task.WhenAll(Enumerable.Range(0, 19).Select(i => Task.Run(async () =>
        {
            while (true)
            {
                var data = await table.ReadRowAsync(entry.SiloAddress, CancellationToken.None);
                var (current, etag) = Assert.Single(data.Members);
                current.IAmAliveTime = current.IAmAliveTime.AddSeconds(1);
                if (await table.UpdateRowAsync(current, etag, data.Version.Next(), CancellationToken.None))
                {
                    return;
                }
            }
        })));

        Assert.Equal(20, (await table.ReadAllAsync(CancellationToken.None)).Version.Version);
    }

    [Fact]
    public async Task IAmAlive_updates_only_the_liveness_time_and_leaves_the_version()
    {
        var table = await NewTableAsync();
        var entry = NewEntry(status: SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));

        entry.IAmAliveTime = entry.IAmAliveTime.AddMinutes(3);
        await table.UpdateIAmAliveAsync(entry, CancellationToken.None);

        var data = await table.ReadRowAsync(entry.SiloAddress, CancellationToken.None);
        Assert.Equal(1, data.Version.Version);
        var stored = Assert.Single(data.Members).Item1;
        Assert.Equal(entry.IAmAliveTime, stored.IAmAliveTime);
        Assert.Equal(DateTimeKind.Utc, stored.IAmAliveTime.Kind);
        Assert.Equal(entry.ToFullString(), stored.ToFullString());
    }

    [Fact]
    public async Task A_full_entry_with_IPv6_and_suspect_times_round_trips()
    {
        var table = await NewTableAsync();
        var entry = NewEntry(SiloAddress.New(Ipv6Address, NextPort(), 7), SiloStatus.Joining);
        entry.SiloName = "silo-Ωмега";
        entry.HostName = "host.example.internal";
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));
        var inserted = await table.ReadRowAsync(entry.SiloAddress, CancellationToken.None);
        Assert.Equal(entry.ToFullString(), Assert.Single(inserted.Members).Item1.ToFullString());

        entry.Status = SiloStatus.Active;
        entry.SuspectTimes =
        [
            Tuple.Create(SiloAddress.New(IPAddress.Parse("10.0.0.1"), 11111, 3), Now().AddSeconds(-5)),
            Tuple.Create(SiloAddress.New(Ipv6Address, 22222, 4), Now()),
        ];
        Assert.True(await table.UpdateRowAsync(entry, Assert.Single(inserted.Members).Item2, inserted.Version.Next(), CancellationToken.None));

        var (stored, _) = Assert.Single((await table.ReadRowAsync(entry.SiloAddress, CancellationToken.None)).Members);
        Assert.Equal(entry.ToFullString(), stored.ToFullString());
        Assert.Equal(entry.SuspectTimes, stored.SuspectTimes);
        Assert.Equal(entry.StartTime, stored.StartTime);
        Assert.Equal(DateTimeKind.Utc, stored.StartTime.Kind);
    }

    [Fact]
    public async Task ReadRow_of_an_unknown_silo_returns_only_the_version()
    {
        var table = await NewTableAsync();
        Assert.True(await table.InsertRowAsync(NewEntry(), (await table.ReadAllAsync(CancellationToken.None)).Version.Next(), CancellationToken.None));

        var data = await table.ReadRowAsync(NewEntry().SiloAddress, CancellationToken.None);

        Assert.Empty(data.Members);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task Gateways_are_only_active_members_with_a_proxy_port()
    {
        var clusterId = NewClusterId();
        var table = await OrleansProviders.ClusteringTableAsync(ConnectionString, clusterId);
        var gateway = NewEntry(status: SiloStatus.Active);
        await InsertAllAsync(table,
            gateway,
            NewEntry(status: SiloStatus.Active, proxyPort: 0),
            NewEntry(status: SiloStatus.Joining),
            NewEntry(status: SiloStatus.ShuttingDown),
            NewEntry(status: SiloStatus.Dead));
        var otherCluster = await NewTableAsync();
        await InsertAllAsync(otherCluster, NewEntry(status: SiloStatus.Active));

        var provider = await OrleansProviders.GatewayListProviderAsync(ConnectionString, clusterId);
        var gateways = await provider.GetGatewaysAsync(CancellationToken.None);

        Assert.Equal(new IPEndPoint(gateway.SiloAddress.Endpoint.Address, gateway.ProxyPort), Assert.Single(gateways).ToGatewayAddress()!.Endpoint);
    }

    [Fact]
    public async Task Cleanup_removes_old_non_active_members_only()
    {
        var table = await NewTableAsync();
        var cutoff = Now().AddHours(-1);
        var oldDead = NewEntry(status: SiloStatus.Dead, aliveAt: cutoff.AddMinutes(-10));
        var oldJoining = NewEntry(status: SiloStatus.Joining, aliveAt: cutoff.AddMinutes(-10));
        var oldActive = NewEntry(status: SiloStatus.Active, aliveAt: cutoff.AddMinutes(-10));
        var recentDead = NewEntry(status: SiloStatus.Dead, aliveAt: cutoff.AddMinutes(10));
        await InsertAllAsync(table, oldDead, oldJoining, oldActive, recentDead);

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(cutoff), CancellationToken.None);

        var data = await table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(
            new[] { oldActive.SiloAddress, recentDead.SiloAddress }.Order(),
            data.Members.Select(m => m.Item1.SiloAddress).Order());
        Assert.Equal(4, data.Version.Version);
    }

    [Fact]
    public async Task Delete_affects_only_its_own_cluster()
    {
        var doomedId = NewClusterId();
        var doomed = await OrleansProviders.ClusteringTableAsync(ConnectionString, doomedId);
        var survivor = await NewTableAsync();
        await InsertAllAsync(doomed, NewEntry(status: SiloStatus.Active), NewEntry(status: SiloStatus.Active));
        var survivorEntry = NewEntry(status: SiloStatus.Active);
        await InsertAllAsync(survivor, survivorEntry);

        await doomed.DeleteMembershipTableEntriesAsync(doomedId, CancellationToken.None);

        var survivorData = await survivor.ReadAllAsync(CancellationToken.None);
        Assert.Equal(1, survivorData.Version.Version);
        Assert.Equal(survivorEntry.SiloAddress, Assert.Single(survivorData.Members).Item1.SiloAddress);

        // The next silo of the deleted cluster starts it afresh.
        var restarted = await OrleansProviders.ClusteringTableAsync(ConnectionString, doomedId);
        var restartedData = await restarted.ReadAllAsync(CancellationToken.None);
        Assert.Empty(restartedData.Members);
        Assert.Equal(0, restartedData.Version.Version);
    }

    private async Task<AdoNetClusteringTable> NewTableAsync() => await OrleansProviders.ClusteringTableAsync(ConnectionString, NewClusterId());

    private static async Task InsertAllAsync(AdoNetClusteringTable table, params MembershipEntry[] entries)
    {
        foreach (var entry in entries)
        {
            var version = (await table.ReadAllAsync(CancellationToken.None)).Version;
            Assert.True(await table.InsertRowAsync(entry, version.Next(), CancellationToken.None));
        }
    }

    // Runs the stored InsertMembershipVersionKey text directly, to see its boolean result, which the provider only logs.
    private async Task<int> RunInsertMembershipVersionQueryAsync(string clusterId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var lookup = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'InsertMembershipVersionKey'", connection);
        var sql = (string)(await lookup.ExecuteScalarAsync())!;
        await using var insert = new NpgsqlCommand(sql, connection);
        insert.Parameters.AddWithValue("DeploymentId", clusterId);
        return Convert.ToInt32(await insert.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string NewClusterId() => $"cluster-{Guid.NewGuid():N}";

    private static string NewClusterIdFor(string clusterId) => clusterId + "-raw";

    private MembershipEntry NewEntry(SiloAddress? address = null, SiloStatus status = SiloStatus.Joining, int? proxyPort = null, DateTime? aliveAt = null)
    {
        var siloAddress = address ?? SiloAddress.New(IPAddress.Loopback, NextPort(), 42);
        return new MembershipEntry
        {
            SiloAddress = siloAddress,
            SiloName = $"silo-{siloAddress.Endpoint.Port}",
            HostName = "test-host",
            Status = status,
            ProxyPort = proxyPort ?? siloAddress.Endpoint.Port + 10_000,
            StartTime = (aliveAt ?? Now()).AddMinutes(-1),
            IAmAliveTime = aliveAt ?? Now(),
        };
    }

    private int NextPort() => Interlocked.Increment(ref _nextPort);

    // Whole milliseconds: SuspectTimes are stored as text with millisecond precision, timestamps with microseconds.
    private static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class ClusteringTableUtcTests(PostgresServer server) : ClusteringTableTests(server, "UTC");

[Collection(PostgresCollection.Name)]
public sealed class ClusteringTableNonUtcTests(PostgresServer server) : ClusteringTableTests(server, "Asia/Kolkata");
