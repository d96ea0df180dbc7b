using Npgsql;
using NpgsqlTypes;

namespace Retenza.Bench;

/// <summary>
/// PostgreSQL's raw write ceiling on this machine: single-statement upserts of a bytea row, one transaction
/// each (as a grain-state write is), into a throwaway table that is dropped again afterwards.
/// </summary>
internal sealed class PgLoad : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _table = $"retenza_bench_raw_{Guid.NewGuid():N}"[..36];
    private readonly int _rowBytes;
    private readonly long _keys;
    private readonly NpgsqlConnection?[] _connections;
    private readonly NpgsqlCommand?[] _commands;

    public PgLoad(string connectionString, int concurrency, int rowBytes, long keys)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = Math.Max(concurrency + 2, new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize),
        };
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _rowBytes = rowBytes;
        _keys = keys;
        _connections = new NpgsqlConnection?[concurrency];
        _commands = new NpgsqlCommand?[concurrency];
    }

    public string Table => _table;

    public async Task CreateTableAsync()
    {
        await using var command = _dataSource.CreateCommand(
            $"CREATE TABLE {_table} (id bigint PRIMARY KEY, payload bytea NOT NULL, version integer NOT NULL, modified_at timestamptz NOT NULL)");
        await command.ExecuteNonQueryAsync();
    }

    public async Task<Outcome> UpsertAsync(int worker, long sequence)
    {
        var command = _commands[worker] ?? await PrepareAsync(worker);
        command.Parameters[0].Value = Random.Shared.NextInt64(_keys);
        var payload = (byte[])command.Parameters[1].Value!;
        // Different bytes each time, so nothing downstream can shortcut an identical row.
        BitConverter.TryWriteBytes(payload, sequence);
        await command.ExecuteNonQueryAsync();
        return Outcome.Ok;
    }

    private async Task<NpgsqlCommand> PrepareAsync(int worker)
    {
        var connection = await _dataSource.OpenConnectionAsync();
        var command = new NpgsqlCommand(
            $"""
            INSERT INTO {_table} (id, payload, version, modified_at) VALUES ($1, $2, 0, now())
            ON CONFLICT (id) DO UPDATE SET payload = EXCLUDED.payload, version = {_table}.version + 1, modified_at = now()
            """,
            connection);
        var payload = new byte[_rowBytes];
        Random.Shared.NextBytes(payload);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = 0L });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = payload });
        await command.PrepareAsync();
        _connections[worker] = connection;
        _commands[worker] = command;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands)
        {
            command?.Dispose();
        }

        foreach (var connection in _connections)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }

        try
        {
            await using var drop = _dataSource.CreateCommand($"DROP TABLE IF EXISTS {_table}");
            await drop.ExecuteNonQueryAsync();
        }
        finally
        {
            await _dataSource.DisposeAsync();
        }
    }
}
