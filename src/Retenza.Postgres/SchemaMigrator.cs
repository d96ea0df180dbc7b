using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Retenza.Postgres;

/// <summary>
/// Applies the SQL migrations embedded in this assembly (Migrations/*.sql) in name order, once each.
/// </summary>
/// <remarks>
/// Safe to run from several processes at once: the whole run holds a session-level advisory lock.
/// Each migration runs in its own transaction together with its row in <c>retenza_schema_migrations</c>,
/// so a failing migration leaves no trace. Migration files must not contain their own transaction control
/// or statements that cannot run inside a transaction block (e.g. CREATE INDEX CONCURRENTLY).
/// </remarks>
public sealed class SchemaMigrator
{
    private const string ResourcePrefix = "Retenza.Postgres.Migrations.";
    private const string ResourceSuffix = ".sql";

    // Fixed, arbitrary key ("retenza" in ASCII) shared by every process that migrates the same database.
    private const long AdvisoryLockKey = 0x72657465_6E7A61;

    private static readonly Assembly MigrationAssembly = typeof(SchemaMigrator).Assembly;

    private SchemaMigrator()
    {
    }

    /// <summary>File names of the embedded migrations (e.g. <c>0001_orleans_clustering.sql</c>), in the order they apply.</summary>
    public static IReadOnlyList<string> KnownMigrations { get; } = MigrationAssembly
        .GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                       && name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
        .Select(name => name[ResourcePrefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// Applies every embedded migration not yet recorded in the database.
    /// </summary>
    /// <returns>The names of the migrations this call applied; empty when the schema was already current.</returns>
    /// <exception cref="SchemaMigrationException">An applied migration was changed afterwards, or a migration failed.</exception>
    public static async Task<IReadOnlyList<string>> MigrateAsync(
        string connectionString,
        ILogger? logger = null,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);

        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", AdvisoryLockKey, ct);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS retenza_schema_migrations (
                    name       text        NOT NULL PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    checksum   text        NOT NULL
                )
                """, key: null, ct);

            var applied = await ReadAppliedAsync(connection, ct);
            var newlyApplied = new List<string>();

            foreach (var name in KnownMigrations)
            {
                var sql = ReadMigration(name);
                var checksum = Checksum(sql);

                if (applied.TryGetValue(name, out var appliedChecksum))
                {
                    if (!string.Equals(appliedChecksum, checksum, StringComparison.Ordinal))
                    {
                        throw new SchemaMigrationException(
                            $"Migration {name} was already applied with checksum {appliedChecksum}, but the embedded " +
                            $"file now has checksum {checksum}. Applied migrations must never change; add a new migration instead.");
                    }

                    continue;
                }

                logger?.LogInformation("Applying schema migration {Migration}", name);
                await ApplyAsync(connection, name, sql, checksum, ct);
                newlyApplied.Add(name);
            }

            if (newlyApplied.Count == 0)
            {
                logger?.LogInformation("Schema is up to date ({Count} migrations)", KnownMigrations.Count);
            }

            return newlyApplied;
        }
        finally
        {
            // Closing the connection would release the lock too, but a pooled connection is only reset
            // lazily, so release it explicitly; never mask the original exception with a failed unlock.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                try
                {
                    await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", AdvisoryLockKey, CancellationToken.None);
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
                {
                    // The session is gone, and with it the lock.
                    logger?.LogDebug(ex, "Releasing the schema migration lock failed");
                }
            }
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, string name, string sql, string checksum, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            await using (var migration = new NpgsqlCommand(sql, connection, transaction))
            {
                await migration.ExecuteNonQueryAsync(ct);
            }

            await using (var record = new NpgsqlCommand(
                "INSERT INTO retenza_schema_migrations (name, checksum) VALUES (@name, @checksum)", connection, transaction))
            {
                record.Parameters.AddWithValue("name", name);
                record.Parameters.AddWithValue("checksum", checksum);
                await record.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch (PostgresException ex)
        {
            throw new SchemaMigrationException($"Migration {name} failed: {ex.MessageText}", ex);
        }
    }

    private static async Task<Dictionary<string, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT name, checksum FROM retenza_schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, long? key, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (key is { } value)
        {
            command.Parameters.AddWithValue("key", value);
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private static string ReadMigration(string name)
    {
        using var stream = MigrationAssembly.GetManifestResourceStream(ResourcePrefix + name)
                           ?? throw new SchemaMigrationException($"Embedded migration {name} not found.");
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    // Line endings are normalised first so a checkout with CRLF (core.autocrlf) does not look like a tampered file.
    private static string Checksum(string sql)
    {
        var normalised = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
