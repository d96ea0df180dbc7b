using System.Diagnostics;
using Npgsql;
using Retenza.Postgres;
using Xunit.Abstractions;

namespace Retenza.IntegrationTests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorTests(PostgresServer server, ITestOutputHelper output)
{
    [Fact]
    public async Task A_fresh_database_gets_the_whole_schema()
    {
        var stopwatch = Stopwatch.StartNew();
        var connectionString = await server.CreateDatabaseAsync();
        var created = stopwatch.Elapsed;
        var applied = await SchemaMigrator.MigrateAsync(connectionString);

        // Timings for the record (see the test output); not asserted, machines differ.
        output.WriteLine($"server start-up (initdb until first connection): {server.StartupDuration.TotalMilliseconds:F0} ms" +
                         (server.IsThrowaway ? "" : " (external server)"));
        output.WriteLine($"create database: {created.TotalMilliseconds:F0} ms, apply {applied.Count} migrations: {(stopwatch.Elapsed - created).TotalMilliseconds:F0} ms");
        Assert.Equal(SchemaMigrator.KnownMigrations, applied);
    }

    [Fact]
    public void Known_migrations_are_the_embedded_files_in_name_order()
    {
        Assert.Equal(SchemaMigrator.KnownMigrations.Order(StringComparer.Ordinal), SchemaMigrator.KnownMigrations);
        Assert.Equal(
            ["0001_orleans_clustering.sql", "0002_orleans_persistence.sql", "0003_orleans_reminders.sql"],
            SchemaMigrator.KnownMigrations.Take(3));
    }

    [Fact]
    public async Task Second_run_applies_nothing()
    {
        var connectionString = await server.CreateDatabaseAsync();

        var first = await SchemaMigrator.MigrateAsync(connectionString);
        var second = await SchemaMigrator.MigrateAsync(connectionString);

        Assert.Equal(SchemaMigrator.KnownMigrations, first);
        Assert.Empty(second);
        Assert.Equal(SchemaMigrator.KnownMigrations, await AppliedMigrationsAsync(connectionString));
    }

    [Fact]
    public async Task Concurrent_runs_apply_each_migration_exactly_once()
    {
        var connectionString = await server.CreateDatabaseAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => SchemaMigrator.MigrateAsync(connectionString))));

        // The advisory lock lets one run do everything; the others then find nothing left to do.
        Assert.Equal(SchemaMigrator.KnownMigrations, runs.SelectMany(applied => applied).Order(StringComparer.Ordinal));
        Assert.Single(runs, applied => applied.Count > 0);
        Assert.Equal(SchemaMigrator.KnownMigrations, await AppliedMigrationsAsync(connectionString));
    }

    [Fact]
    public async Task A_changed_applied_migration_is_refused()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await SchemaMigrator.MigrateAsync(connectionString);
        await ExecuteAsync(connectionString, "UPDATE retenza_schema_migrations SET checksum = 'tampered' WHERE name = '0002_orleans_persistence.sql'");

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => SchemaMigrator.MigrateAsync(connectionString));

        Assert.Contains("0002_orleans_persistence.sql", error.Message);
        Assert.Contains("checksum", error.Message);
    }

    [Fact]
    public async Task A_failing_migration_leaves_no_trace_and_the_lock_is_released()
    {
        var connectionString = await server.CreateDatabaseAsync();
        // A table the clustering migration wants to create makes it fail half-way.
        await ExecuteAsync(connectionString, "CREATE TABLE orleans_membership (x int)");

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => SchemaMigrator.MigrateAsync(connectionString));

        Assert.Contains("0001_orleans_clustering.sql", error.Message);
        Assert.Empty(await AppliedMigrationsAsync(connectionString));
        Assert.Equal(0L, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM pg_tables WHERE tablename = 'orleans_membership_version'"));

        await ExecuteAsync(connectionString, "DROP TABLE orleans_membership");
        Assert.Equal(SchemaMigrator.KnownMigrations, await SchemaMigrator.MigrateAsync(connectionString));
    }

    private static async Task<IReadOnlyList<string>> AppliedMigrationsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name FROM retenza_schema_migrations ORDER BY name COLLATE \"C\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
