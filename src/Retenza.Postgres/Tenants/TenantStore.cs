using Npgsql;

namespace Retenza.Tenants;

/// <summary>Tenants and API keys in PostgreSQL (cluster mode). The CLI writes; API nodes read.</summary>
public sealed class TenantStore(NpgsqlDataSource dataSource)
{
    /// <summary>Creates a tenant with one key of each kind and returns the keys: the only time they exist in clear.</summary>
    public async Task<IReadOnlyDictionary<ApiKeyKind, string>> AddTenantAsync(string name, CancellationToken ct = default)
    {
        if (!ApiKeys.IsValidTenantName(name))
        {
            throw new ArgumentException($"Tenant name '{name}' must be 1-63 lower-case letters, digits or '-', starting with a letter or digit.", nameof(name));
        }

        var keys = new Dictionary<ApiKeyKind, string>
        {
            [ApiKeyKind.Platform] = ApiKeys.Generate(ApiKeyKind.Platform),
            [ApiKeyKind.Admin] = ApiKeys.Generate(ApiKeyKind.Admin),
        };

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var insert = new NpgsqlCommand("INSERT INTO retenza_tenant (name) VALUES (@name) ON CONFLICT DO NOTHING", connection, tx))
        {
            insert.Parameters.AddWithValue("name", name);
            if (await insert.ExecuteNonQueryAsync(ct) == 0)
            {
                throw new InvalidOperationException($"Tenant '{name}' already exists; use 'tenant rotate-key' to issue new keys.");
            }
        }

        foreach (var (kind, key) in keys)
        {
            await InsertKeyAsync(connection, tx, name, kind, key, ct);
        }

        await tx.CommitAsync(ct);
        return keys;
    }

    /// <summary>Replaces the tenant's key of that kind; the old key stops working (API nodes cache lookups briefly).</summary>
    public async Task<string> RotateKeyAsync(string name, ApiKeyKind kind, CancellationToken ct = default)
    {
        var key = ApiKeys.Generate(kind);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM retenza_tenant WHERE name = @name FOR UPDATE", connection, tx))
        {
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                throw new InvalidOperationException($"Tenant '{name}' does not exist.");
            }
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM retenza_api_key WHERE tenant = @name AND kind = @kind", connection, tx))
        {
            delete.Parameters.AddWithValue("name", name);
            delete.Parameters.AddWithValue("kind", ApiKeys.KindName(kind));
            await delete.ExecuteNonQueryAsync(ct);
        }

        await InsertKeyAsync(connection, tx, name, kind, key, ct);
        await tx.CommitAsync(ct);
        return key;
    }

    public async Task<TenantKey?> FindByKeyAsync(string key, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("SELECT tenant, kind FROM retenza_api_key WHERE key_hash = @hash");
        command.Parameters.AddWithValue("hash", ApiKeys.Hash(key));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        ApiKeys.TryParseKind(reader.GetString(1), out var kind);
        return new TenantKey(reader.GetString(0), kind);
    }

    public async Task<IReadOnlyList<TenantKeyInfo>> ListKeysAsync(string tenant, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("SELECT kind, key_hash, created_at FROM retenza_api_key WHERE tenant = @tenant ORDER BY kind");
        command.Parameters.AddWithValue("tenant", tenant);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<TenantKeyInfo>();
        while (await reader.ReadAsync(ct))
        {
            ApiKeys.TryParseKind(reader.GetString(0), out var kind);
            keys.Add(new TenantKeyInfo(kind, ApiKeys.Fingerprint(reader.GetString(1)), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return keys;
    }

    private static async Task InsertKeyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string tenant, ApiKeyKind kind, string key, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("INSERT INTO retenza_api_key (key_hash, tenant, kind) VALUES (@hash, @tenant, @kind)", connection, tx);
        command.Parameters.AddWithValue("hash", ApiKeys.Hash(key));
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("kind", ApiKeys.KindName(kind));
        await command.ExecuteNonQueryAsync(ct);
    }
}
