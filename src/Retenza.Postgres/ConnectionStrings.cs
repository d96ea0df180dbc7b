using System.Data.Common;
using Npgsql;

namespace Retenza.Postgres;

public static class ConnectionStrings
{
    /// <summary>
    /// The connection string the Orleans providers get. Unless the operator set them, two Npgsql
    /// settings change: pooled connections are not reset on return (Orleans' queries keep no
    /// session state, and the reset is one more round trip per storage call), and statements used
    /// twice are prepared, so PostgreSQL stops parsing and planning the same few queries on every grain read and write.
    /// </summary>
    public static string ForOrleans(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            tuned.NoResetOnClose = true;
        }

        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            tuned.MaxAutoPrepare = 32;
        }

        return tuned.ConnectionString;
    }
}
