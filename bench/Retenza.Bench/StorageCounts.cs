using Npgsql;

namespace Retenza.Bench;

/// <summary>
/// Counts grain-state rows written (inserted or updated) in the Orleans storage table and the ticket
/// rows among them, from PostgreSQL's own statistics: the bench divides one by the other to report
/// the storage writes an ingested ticket really cost, instead of assuming a number.
/// </summary>
internal static class StorageCounts
{
    public static async Task<(long Writes, long Tickets)> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        // Statistics reach the shared view when a backend reports them (about once a second): wait for that.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT coalesce(sum(n_tup_ins + n_tup_upd), 0) FROM pg_stat_user_tables WHERE relname = 'orleans_storage'),
                   (SELECT count(*) FROM orleans_storage WHERE grain_type = 'ticket')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
