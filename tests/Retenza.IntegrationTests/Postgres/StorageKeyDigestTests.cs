using Npgsql;

namespace Retenza.IntegrationTests.Postgres;

/// <summary>
/// Migration 0005 redefined the natural-key digest so the planner can inline it, and stopped computing it in a
/// generated column. Rows written before must stay addressable, silos still running the old write query must
/// keep working, and the stored queries must really carry the inlined expression.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StorageKeyDigestTests(PostgresServer server)
{
    // What 0002 stored in key_digest for every row written before 0005.
    private const string OriginalDigest = """
        sha256(convert_to(
               length(s)::text || ':' || s || length(t)::text || ':' || t || n0::text || ':' || n1::text || ':'
            || coalesce('S' || length(e)::text || ':' || e, 'N'), 'UTF8'))
        """;

    [Theory]
    [InlineData("svc", "ticket", 0L, 0L, "demo/tkt-1")]
    [InlineData("svc", "customer", -5L, long.MaxValue, null)]
    [InlineData("svc", "ticket", 1L, 2L, "")]
    [InlineData("svc\\x41", "queue-page", 0L, 0L, "demo/review\\\\0/3")]
    [InlineData("\\x00", "ticket", 0L, 0L, "\\")]
    [InlineData("sérvice ✓", "ticket", 0L, 0L, "démo/cus-日本")]
    public async Task The_digest_is_byte_for_byte_the_one_stored_before_migration_5(string service, string type, long n0, long n1, string? extension)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT orleans_storage_key_digest(@s, @t, @n0, @n1, @e) AS now_, {OriginalDigest} AS before_
              FROM (SELECT @s::text AS s, @t::text AS t, @n0::bigint AS n0, @n1::bigint AS n1, @e::text AS e) k
            """, connection);
        command.Parameters.AddWithValue("s", service);
        command.Parameters.AddWithValue("t", type);
        command.Parameters.AddWithValue("n0", n0);
        command.Parameters.AddWithValue("n1", n1);
        command.Parameters.Add(new NpgsqlParameter<string?>("e", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = extension });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal((byte[])reader[1], (byte[])reader[0]);
    }

    [Fact]
    public async Task A_silo_still_on_the_old_write_query_inserts_rows_the_new_queries_find()
    {
        await using var connection = await OpenAsync();

        // 0002's insert, which names no key_digest: the trigger must fill it with the same digest.
        await ExecuteAsync(connection, """
            INSERT INTO orleans_storage (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension,
                                         grain_id_hash, grain_type_hash, payload_binary, modified_on, version)
            VALUES ('svc', 'ticket', 0, 0, 'demo/tkt-old', 1, 1, '\x0102', now(), 1)
            """);

        Assert.Equal(1L, await ScalarAsync<long>(connection, """
            SELECT count(*) FROM orleans_storage
             WHERE key_digest = orleans_storage_key_digest('svc', 'ticket', 0, 0, 'demo/tkt-old')
               AND payload_binary = '\x0102'
            """));
    }

    [Fact]
    public async Task A_digest_given_with_the_row_is_kept()
    {
        await using var connection = await OpenAsync();

        // The trigger's WHEN clause leaves rows that arrive with a digest alone (the new write query computes it).
        await ExecuteAsync(connection, """
            INSERT INTO orleans_storage (key_digest, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension,
                                         grain_id_hash, grain_type_hash, payload_binary, modified_on, version)
            VALUES ('\xabcd', 'svc', 'ticket', 0, 0, 'demo/tkt-given', 1, 1, NULL, now(), 1)
            """);

        Assert.Equal(1L, await ScalarAsync<long>(connection,
            "SELECT count(*) FROM orleans_storage WHERE key_digest = '\\xabcd' AND grain_id_extension = 'demo/tkt-given'"));
    }

    [Theory]
    [InlineData("ReadFromStorageKey")]
    [InlineData("WriteToStorageKey")]
    [InlineData("ClearStorageKey")]
    [InlineData("DeleteStorageKey")]
    public async Task Prepared_storage_queries_carry_the_digest_expression_not_a_function_call(string queryKey)
    {
        await using var connection = await OpenAsync();
        var query = await ScalarAsync<string>(connection, $"SELECT QueryText FROM OrleansQuery WHERE QueryKey = '{queryKey}'");

        // The generic plan is what a prepared statement reuses: its parameters are not constants the planner could fold,
        // so a function it did not inline shows up by name.
        await ExecuteAsync(connection, "SET plan_cache_mode = force_generic_plan");
        await ExecuteAsync(connection, $"PREPARE storage_query ({string.Join(", ", Parameters.Select(p => p.Type))}) AS {Numbered(query)}");
        var plan = await LinesAsync(connection, "EXPLAIN VERBOSE EXECUTE storage_query (" + string.Join(", ", Parameters.Select(p => p.Value)) + ")");

        Assert.Contains("sha256(", plan);
        Assert.DoesNotContain("orleans_storage_key_digest(", plan);
    }

    [Fact]
    public async Task A_ticket_sized_state_stays_in_its_row_uncompressed()
    {
        await using var connection = await OpenAsync();
        var incompressible = new byte[6_000];
        new Random(5).NextBytes(incompressible);
        var compressible = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"status\":\"AwaitingReview\"}", 200)));
        await InsertAsync(connection, "demo/tkt-random", incompressible);
        await InsertAsync(connection, "demo/tkt-text", compressible);

        // Nothing moved to the TOAST table, nothing compressed: one heap insert and one index insert per write.
        var table = await ScalarAsync<uint>(connection, "SELECT 'orleans_storage'::regclass::oid");
        Assert.Equal(0L, await ScalarAsync<long>(connection, $"SELECT count(*) FROM pg_toast.pg_toast_{table}"));
        Assert.Equal(0L, await ScalarAsync<long>(connection,
            "SELECT count(*) FROM orleans_storage WHERE pg_column_compression(payload_binary) IS NOT NULL"));
    }

    // Orleans' parameters in the order they are numbered below, with their types and sample values.
    private static readonly (string Name, string Type, string Value)[] Parameters =
    [
        ("GrainIdHash", "integer", "7"),
        ("GrainIdN0", "bigint", "0"),
        ("GrainIdN1", "bigint", "0"),
        ("GrainTypeHash", "integer", "7"),
        ("GrainTypeString", "text", "'state'"),
        ("GrainIdExtensionString", "text", "'demo/tkt-42'"),
        ("ServiceId", "text", "'svc'"),
        ("GrainStateVersion", "integer", "1"),
        ("PayloadBinary", "bytea", "'\\x01'"),
    ];

    private static string Numbered(string query)
    {
        for (var i = 0; i < Parameters.Length; i++)
        {
            query = System.Text.RegularExpressions.Regex.Replace(query, $@"@{Parameters[i].Name}\b", $"${i + 1}");
        }

        return query.TrimEnd().TrimEnd(';');
    }

    private static async Task InsertAsync(NpgsqlConnection connection, string extension, byte[] payload)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO orleans_storage (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension,
                                         grain_id_hash, grain_type_hash, payload_binary, modified_on, version)
            VALUES ('svc', 'ticket', 0, 0, @e, 1, 1, @p, now(), 1)
            """, connection);
        insert.Parameters.AddWithValue("e", extension);
        insert.Parameters.AddWithValue("p", payload);
        await insert.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(await server.CreateMigratedDatabaseAsync());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? default! : (T)value!;
    }

    private static async Task<string> LinesAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
