using Npgsql;

namespace Retenza.IntegrationTests.Postgres;

/// <summary>
/// Grain storage is the hot path: every stored query must reach its row through the primary key on the
/// natural-key digest (one index probe), never by scanning.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StorageQueryPlanTests(PostgresServer server)
{
    [Theory]
    [InlineData("ReadFromStorageKey")]
    [InlineData("WriteToStorageKey")]
    [InlineData("ClearStorageKey")]
    [InlineData("DeleteStorageKey")]
    public async Task Storage_queries_probe_the_primary_key(string queryKey)
    {
        var connectionString = await server.CreateMigratedDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var fill = new NpgsqlCommand("""
            INSERT INTO orleans_storage (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension,
                                         grain_id_hash, grain_type_hash, payload_binary, modified_on, version)
            SELECT 'svc', 'state', 0, 0, 'demo/tkt-' || g, 7, 7, '\x00', now(), 1 FROM generate_series(1, 5000) g;
            ANALYZE orleans_storage;
            """, connection))
        {
            await fill.ExecuteNonQueryAsync();
        }

        var plan = await ExplainAsync(connection, await QueryTextAsync(connection, queryKey));

        Assert.Contains("Index Scan using orleans_storage_pkey", plan);
        Assert.Contains("Index Cond: (key_digest = ", plan);
        Assert.DoesNotContain("Seq Scan", plan);
    }

    private static async Task<string> QueryTextAsync(NpgsqlConnection connection, string key)
    {
        await using var command = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key", connection);
        command.Parameters.AddWithValue("key", key);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    // Parameters typed as Orleans sends them; the plan of a real lookup on a table with thousands of rows.
    private static async Task<string> ExplainAsync(NpgsqlConnection connection, string query)
    {
        await using var command = new NpgsqlCommand("EXPLAIN " + query, connection);
        command.Parameters.AddWithValue("GrainIdHash", 7);
        command.Parameters.AddWithValue("GrainIdN0", 0L);
        command.Parameters.AddWithValue("GrainIdN1", 0L);
        command.Parameters.AddWithValue("GrainTypeHash", 7);
        command.Parameters.AddWithValue("GrainTypeString", "state");
        command.Parameters.AddWithValue("GrainIdExtensionString", "demo/tkt-42");
        command.Parameters.AddWithValue("ServiceId", "svc");
        command.Parameters.AddWithValue("GrainStateVersion", 1);
        command.Parameters.AddWithValue("PayloadBinary", new byte[] { 1, 2, 3 });
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
