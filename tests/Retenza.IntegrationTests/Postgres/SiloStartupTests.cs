using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Retenza.IntegrationTests.Postgres;

/// <summary>A real silo and client on the migrated schema: all three ADO.NET providers start and work together.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloStartupTests(PostgresServer server)
{
    [Fact]
    public async Task A_silo_with_all_three_providers_starts_and_a_client_connects()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync("Asia/Kolkata");
        await using var cluster = AdoNetTestCluster.Build(connectionString);

        await cluster.DeployAsync();

        // The client found the gateway through GatewaysQueryKey and can call into the cluster.
        var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var silo = Assert.Single(hosts).Key;
        Assert.Equal(SiloStatus.Active, await MemberStatusAsync(connectionString, silo));

        var services = ((InProcessSiloHandle)cluster.Silos[0]).SiloHost.Services;

        var storage = services.GetRequiredKeyedService<IGrainStorage>(OrleansProviders.StorageName);
        var grain = GrainId.Create("ticket", "demo/tkt-silo");
        var written = new TicketState { State = { ["subject"] = "via the silo" } };
        await storage.WriteStateAsync("state", grain, written);
        var read = new TicketState();
        await storage.ReadStateAsync("state", grain, read);
        Assert.Equal("via the silo", read.State["subject"]);
        Assert.Equal(written.ETag, read.ETag);

        var reminders = services.GetRequiredService<IReminderTable>();
        var etag = await reminders.UpsertRow(new ReminderEntry
        {
            GrainId = grain,
            ReminderName = "sla",
            StartAt = DateTime.UtcNow,
            Period = TimeSpan.FromMinutes(1),
        });
        Assert.Equal(etag, (await reminders.ReadRow(grain, "sla"))?.ETag);

        // A clean shutdown marks the silo dead through UpdateMembershipKey.
        await cluster.StopAllSilosAsync();
        Assert.Equal(SiloStatus.Dead, await MemberStatusAsync(connectionString, silo));
    }

    [Fact]
    public async Task A_silo_does_not_start_when_a_query_key_is_missing()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();
        await ExecuteAsync(connectionString, "DELETE FROM OrleansQuery WHERE QueryKey = 'MembershipReadAllKey'");
        await using var cluster = AdoNetTestCluster.Build(connectionString);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => cluster.DeployAsync());

        Assert.Contains("Missing are: MembershipReadAllKey", error.ToString());
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<SiloStatus> MemberStatusAsync(string connectionString, SiloAddress silo)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT status FROM orleans_membership WHERE address = @address AND port = @port AND generation = @generation", connection);
        command.Parameters.AddWithValue("address", silo.Endpoint.Address.ToString());
        command.Parameters.AddWithValue("port", silo.Endpoint.Port);
        command.Parameters.AddWithValue("generation", silo.Generation);
        return (SiloStatus)(int)(await command.ExecuteScalarAsync())!;
    }
}
