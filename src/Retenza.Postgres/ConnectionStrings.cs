using System.Data.Common;
using Npgsql;

namespace Retenza.Postgres;

public static class ConnectionStrings
{
    /// <summary>
    /// The connection string the Orleans providers get. Unless the operator set them, three Npgsql
    /// settings change: pooled connections are not reset on return (Orleans' queries keep no
    /// session state, and the reset is one more round trip per storage call); statements used
    /// twice are prepared, so PostgreSQL stops parsing and planning the same few queries on every grain read and write;
    /// and commands are multiplexed: concurrent grain reads and writes share connections and go out together, so
    /// silo and server spend far fewer socket calls and wake-ups per statement (on this project's 2-core bench
    /// machine, 5 to 28 % less CPU per ticket in each). Orleans' providers only use async calls, which is what
    /// multiplexing needs. Npgsql calls the feature experimental and Npgsql 11 removed it (the setting is then refused:
    /// drop it here when upgrading); "Multiplexing=false" turns it off.
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

        if (!given.ContainsKey("Multiplexing"))
        {
            tuned.Multiplexing = true;
        }

        return tuned.ConnectionString;
    }
}
