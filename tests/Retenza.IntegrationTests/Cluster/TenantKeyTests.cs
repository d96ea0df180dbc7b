using System.Net;
using Npgsql;
using Retenza.IntegrationTests.Postgres;
using Retenza.Tenants;

namespace Retenza.IntegrationTests.Cluster;

/// <summary>Tenants and keys in cluster mode, end to end: CLI → PostgreSQL → API authentication.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TenantKeyTests(PostgresServer postgres)
{
    private static async Task<(string Out, string Err, int Exit)> Cli(string connectionString, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await Retenza.Cli.Program.RunAsync([.. args, "--connection-string", connectionString], stdout, stderr, _ => null);
        return (stdout.ToString(), stderr.ToString(), exit);
    }

    private static string KeyOf(string output, string kind) =>
        output.Split('\n').Single(l => l.StartsWith(kind + ": ", StringComparison.Ordinal))[(kind.Length + 2)..].Trim();

    [Fact]
    public async Task Keys_printed_by_tenant_add_work_and_a_rotated_key_stops_working()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var clusterId = "keys-" + Guid.NewGuid().ToString("N")[..8];
        await using var silo = SiloProcess.Start(connectionString, clusterId);
        await silo.WaitUntilActiveAsync(TimeSpan.FromSeconds(60));

        var added = await Cli(connectionString, "tenant", "add", "acme");
        Assert.Equal(0, added.Exit);
        var platform = KeyOf(added.Out, "platform");
        var admin = KeyOf(added.Out, "admin");
        Assert.Equal(1, (await Cli(connectionString, "tenant", "add", "acme")).Exit);

        await using (var api = new ClusterApiFactory(connectionString, clusterId))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ClusterNode.CreateClient(api, platform).GetAsync("/v1/tickets/tkt-none")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await ClusterNode.CreateClient(api, platform).GetAsync("/v1/tenant")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await ClusterNode.CreateClient(api, admin).GetAsync("/v1/tenant")).StatusCode);
        }

        var rotated = await Cli(connectionString, "tenant", "rotate-key", "acme", "platform");
        Assert.Equal(0, rotated.Exit);
        var newPlatform = KeyOf(rotated.Out, "platform");

        // A fresh API node has no cached lookups, so it sees the rotation at once.
        await using var after = new ClusterApiFactory(connectionString, clusterId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ClusterNode.CreateClient(after, platform).GetAsync("/v1/tickets/tkt-none")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ClusterNode.CreateClient(after, newPlatform).GetAsync("/v1/tickets/tkt-none")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClusterNode.CreateClient(after, admin).GetAsync("/v1/tenant")).StatusCode);
    }

    [Theory]
    [InlineData("tenant", "add", "Not/Valid")]
    [InlineData("tenant", "rotate-key", "nobody", "platform")]
    [InlineData("tenant", "rotate-key", "acme", "agent")]
    public async Task Bad_tenant_commands_fail_clearly_and_change_nothing(params string[] args)
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();

        var result = await Cli(connectionString, args);

        Assert.NotEqual(0, result.Exit);
        Assert.Contains("error:", result.Err);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        Assert.Equal(0L, await dataSource.CreateCommand("SELECT count(*) FROM retenza_api_key").ExecuteScalarAsync());
    }

    [Fact]
    public async Task Cluster_mode_refuses_to_start_while_a_public_demo_key_is_valid()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var clusterId = "demo-" + Guid.NewGuid().ToString("N")[..8];
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await dataSource.CreateCommand("INSERT INTO retenza_tenant (name) VALUES ('demo')").ExecuteNonQueryAsync();
            var insert = dataSource.CreateCommand("INSERT INTO retenza_api_key (key_hash, tenant, kind) VALUES (@hash, 'demo', 'platform')");
            insert.Parameters.AddWithValue("hash", ApiKeys.Hash("demo-key"));
            await insert.ExecuteNonQueryAsync();
        }

        await using var silo = SiloProcess.Start(connectionString, clusterId);
        await silo.WaitUntilActiveAsync(TimeSpan.FromSeconds(60));
        await using var api = new ClusterApiFactory(connectionString, clusterId);

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());
        Assert.Contains("demo key 'demo-key'", error.ToString());
    }
}
