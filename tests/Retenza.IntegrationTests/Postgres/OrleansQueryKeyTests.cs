using System.Text.RegularExpressions;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService;
using Orleans.Storage;

namespace Retenza.IntegrationTests.Postgres;

/// <summary>
/// The migrations install every query the 10.4.2 providers ask for, found by reflecting over the providers
/// themselves (not a hand-written list), and a missing one stops the provider with Orleans' own message.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class OrleansQueryKeyTests(PostgresServer server)
{
    public static IReadOnlyList<string> ClusteringKeys { get; } =
        OrleansProviders.RequiredQueryKeys(typeof(AdoNetClusteringTable).Assembly, "Orleans.Clustering.AdoNet.Storage");

    public static IReadOnlyList<string> ReminderKeys { get; } =
        OrleansProviders.RequiredQueryKeys(typeof(AdoNetReminderTableOptions).Assembly, "Orleans.Reminders.AdoNet.Storage");

    public static IReadOnlyList<string> PersistenceKeys { get; } =
        QueryKeyLiteral().Matches(AdoNetGrainStorage.DefaultInitializationQuery).Select(m => m.Groups[1].Value).ToArray();

    [Fact]
    public void The_providers_ask_for_the_20_documented_keys()
    {
        Assert.Equal(9, ClusteringKeys.Count);
        Assert.Equal(7, ReminderKeys.Count);
        Assert.Equal(["WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey"], PersistenceKeys);
        Assert.Contains("UpdateIAmAlivetimeKey", ClusteringKeys);
        Assert.Contains("ReadRangeRows1Key", ReminderKeys);
        Assert.Contains("ReadRangeRows2Key", ReminderKeys);
    }

    [Fact]
    public async Task Every_key_the_providers_need_is_installed_with_a_query_text()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();

        var installed = await InstalledQueriesAsync(connectionString);

        Assert.All(ClusteringKeys.Concat(ReminderKeys).Concat(PersistenceKeys), key =>
        {
            Assert.True(installed.TryGetValue(key, out var text), $"{key} is missing");
            Assert.False(string.IsNullOrWhiteSpace(text), $"{key} has no query text");
        });
        Assert.Equal(20, installed.Count);
    }

    [Fact]
    public async Task A_missing_clustering_key_stops_the_silo_and_the_client_provider()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();
        await DeleteQueryAsync(connectionString, "UpdateIAmAlivetimeKey");

        var silo = await Assert.ThrowsAsync<ArgumentException>(() => OrleansProviders.ClusteringTableAsync(connectionString, "cluster"));
        var client = await Assert.ThrowsAsync<ArgumentException>(() => OrleansProviders.GatewayListProviderAsync(connectionString, "cluster"));

        Assert.Contains("Missing are: UpdateIAmAlivetimeKey", silo.Message);
        Assert.Contains("Missing are: UpdateIAmAlivetimeKey", client.Message);
    }

    [Fact]
    public async Task A_missing_reminder_key_stops_the_reminder_table()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();
        await DeleteQueryAsync(connectionString, "ReadRangeRows2Key");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => OrleansProviders.ReminderTableAsync(connectionString, "service"));

        Assert.Contains("Missing are: ReadRangeRows2Key", error.Message);
    }

    [Fact]
    public async Task A_missing_storage_key_stops_the_grain_storage()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();
        await DeleteQueryAsync(connectionString, "WriteToStorageKey");

        await Assert.ThrowsAsync<InvalidOperationException>(() => OrleansProviders.GrainStorageAsync(connectionString, "service", deleteStateOnClear: false));
    }

    [Fact]
    public async Task Without_the_delete_key_only_the_keep_row_clear_mode_starts()
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();
        await DeleteQueryAsync(connectionString, "DeleteStorageKey");

        await OrleansProviders.GrainStorageAsync(connectionString, "service", deleteStateOnClear: false);
        await Assert.ThrowsAsync<ArgumentException>(() => OrleansProviders.GrainStorageAsync(connectionString, "service", deleteStateOnClear: true));
    }

    private static async Task<Dictionary<string, string>> InstalledQueriesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // The providers' own lookup statement, unquoted, so this also proves the names resolve.
        await using var command = new NpgsqlCommand("SELECT QueryKey, QueryText FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            queries.Add(reader.GetString(0), reader.GetString(1));
        }

        return queries;
    }

    private static async Task DeleteQueryAsync(string connectionString, string key)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("DELETE FROM OrleansQuery WHERE QueryKey = @key", connection);
        command.Parameters.AddWithValue("key", key);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [GeneratedRegex("QueryKey = '([A-Za-z0-9]+)'")]
    private static partial Regex QueryKeyLiteral();
}
