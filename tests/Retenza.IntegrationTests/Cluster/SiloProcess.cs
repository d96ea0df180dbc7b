using System.Diagnostics;
using System.Reflection;
using System.Text;
using Npgsql;

namespace Retenza.IntegrationTests.Cluster;

/// <summary>A real Retenza.Silo process, so stopping or killing it is what an operator (or the kernel) would do.</summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _connectionString;
    private readonly string _clusterId;

    private SiloProcess(Process process, string connectionString, string clusterId, int siloPort)
    {
        _process = process;
        _connectionString = connectionString;
        _clusterId = clusterId;
        SiloPort = siloPort;
    }

    public int SiloPort { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static SiloProcess Start(string connectionString, string clusterId, IReadOnlyDictionary<string, string>? settings = null)
    {
        var siloPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [SiloDll()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["Retenza__Postgres__ConnectionString"] = connectionString,
                ["Retenza__Cluster__ClusterId"] = clusterId,
                ["Retenza__Cluster__ServiceId"] = clusterId,
                ["Retenza__Cluster__SiloPort"] = siloPort.ToString(),
                ["Retenza__Cluster__GatewayPort"] = FreePort.Next().ToString(),
                ["Retenza__Cluster__AdvertisedAddress"] = "127.0.0.1",
                ["DOTNET_ENVIRONMENT"] = "Production",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var silo = new SiloProcess(process, connectionString, clusterId, siloPort);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Completes when this silo is Active in the membership table (what clients and peers go by).</summary>
    public async Task WaitUntilActiveAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM orleans_membership WHERE deployment_id = @cluster AND port = @port AND status = 3", connection);
            command.Parameters.AddWithValue("cluster", _clusterId);
            command.Parameters.AddWithValue("port", SiloPort);
            try
            {
                if ((long)(await command.ExecuteScalarAsync())! > 0)
                {
                    return;
                }
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // The silo has not migrated the database yet (MigrateOnStart).
            }

            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Silo on port {SiloPort} did not become active (exited: {_process.HasExited}).\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>SIGTERM: the silo shuts down gracefully, handing its grains back to the cluster.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
            {
                await kill.WaitForExitAsync();
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>SIGKILL: a crash, with no chance to tell anyone.</summary>
    public async Task CrashAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>The silo built alongside this test assembly (same configuration), found from the repository root.</summary>
    private static string SiloDll()
    {
        var configuration = typeof(SiloProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Retenza.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("Cannot find the repository root (Retenza.sln) above " + AppContext.BaseDirectory);
        }

        var dll = Path.Combine(directory.FullName, "src", "Retenza.Silo", "bin", configuration, "net10.0", "Retenza.Silo.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build Retenza.Silo first.", dll);
    }
}
