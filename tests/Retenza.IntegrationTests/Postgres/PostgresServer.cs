using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using Retenza.Postgres;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Retenza.IntegrationTests.Postgres;

/// <summary>
/// A PostgreSQL server for the tests: the one named by <c>RETENZA_TEST_POSTGRES</c> (a connection string with
/// the right to create databases), else a throwaway cluster started from the PostgreSQL 15 binaries in a temp dir
/// and deleted again on dispose. Tests isolate themselves with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ConnectionStringVariable = "RETENZA_TEST_POSTGRES";

    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string SuperUser = "postgres";
    private static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(60);

    private readonly IMessageSink _diagnostics;
    private readonly List<string> _createdDatabases = [];
    private readonly StringBuilder _serverLog = new();
    private readonly SemaphoreSlim _migratedTemplateLock = new(1, 1);
    private string? _migratedTemplate;
    private string? _dataRoot;
    private Process? _postmaster;

    public PostgresServer(IMessageSink diagnostics)
    {
        _diagnostics = diagnostics;
    }

    /// <summary>Connection string of the maintenance database, with the right to create databases.</summary>
    public string AdminConnectionString { get; private set; } = "";

    /// <summary>True when this fixture started (and will remove) its own cluster.</summary>
    public bool IsThrowaway => _postmaster is not null;

    /// <summary>Wall-clock time from <c>initdb</c> until the server accepted a connection (zero for an external server).</summary>
    public TimeSpan StartupDuration { get; private set; }

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            AdminConnectionString = external;
            await WaitUntilReadyAsync(exited: () => false);
            Log($"Using the PostgreSQL server from {ConnectionStringVariable}.");
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        await StartThrowawayClusterAsync();
        StartupDuration = stopwatch.Elapsed;
        Log($"Started a throwaway PostgreSQL cluster in {_dataRoot} in {StartupDuration.TotalMilliseconds:F0} ms.");
    }

    /// <summary>Creates an empty UTF-8 database with a unique name and returns its connection string.</summary>
    /// <param name="timeZone">Session TimeZone for every connection to it (default: the server's).</param>
    public Task<string> CreateDatabaseAsync(string? timeZone = null) =>
        // template0 with the C locale accepts UTF8 whatever the server's default encoding is (the tests use Cyrillic keys).
        CreateDatabaseFromAsync("template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", timeZone);

    /// <summary>Creates a fresh database (see <see cref="CreateDatabaseAsync"/>) with all migrations applied.</summary>
    public async Task<string> CreateMigratedDatabaseAsync(string? timeZone = null)
    {
        // Migrating once into a template and copying it is several times faster than migrating every test database.
        string template;
        await _migratedTemplateLock.WaitAsync();
        try
        {
            if (_migratedTemplate is null)
            {
                var connectionString = await CreateDatabaseAsync();
                await SchemaMigrator.MigrateAsync(connectionString);
                // A template must have no open sessions while it is copied.
                NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
                _migratedTemplate = new NpgsqlConnectionStringBuilder(connectionString).Database;
            }

            template = _migratedTemplate!;
        }
        finally
        {
            _migratedTemplateLock.Release();
        }

        return await CreateDatabaseFromAsync(template, timeZone);
    }

    private async Task<string> CreateDatabaseFromAsync(string template, string? timeZone)
    {
        var name = $"retenza_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"CREATE DATABASE {name} TEMPLATE {template}");
            if (timeZone is not null)
            {
                await ExecuteAsync(connection, $"ALTER DATABASE {name} SET timezone TO '{timeZone.Replace("'", "''", StringComparison.Ordinal)}'");
            }
        }

        lock (_createdDatabases)
        {
            _createdDatabases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = name,
            // Every test database gets its own pools, which would otherwise hold idle connections for minutes
            // and exhaust max_connections over a run; close them soon after the test stops using them.
            ConnectionIdleLifetime = 2,
            ConnectionPruningInterval = 1,
            // Tests open up to ~100 connections at once; on a loaded machine backends can take seconds to fork.
            Timeout = 60,
        }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_postmaster is null)
        {
            await DropCreatedDatabasesAsync();
            return;
        }

        try
        {
            // Immediate mode: nothing here is worth a shutdown checkpoint.
            await RunToCompletionAsync(Path.Combine(BinDirectory, "pg_ctl"), "-D", DataDirectory, "-m", "immediate", "-w", "stop");
            if (!_postmaster.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                _postmaster.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            _postmaster.Dispose();
            Directory.Delete(_dataRoot!, recursive: true);
        }
    }

    private string DataDirectory => Path.Combine(_dataRoot!, "data");

    private async Task StartThrowawayClusterAsync()
    {
        // initdb and postgres refuse to run as root, so under root (the usual case here) they run as the postgres user,
        // in a directory that user owns; mktemp run as that user creates it with the right owner and mode.
        _dataRoot = RunsAsRoot
            ? (await RunToCompletionAsync("mktemp", "-d", Path.Combine(Path.GetTempPath(), "retenza-pg-XXXXXX"))).Trim()
            : Directory.CreateTempSubdirectory("retenza-pg-").FullName;

        await RunToCompletionAsync(
            Path.Combine(BinDirectory, "initdb"),
            "-D", DataDirectory, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync");

        // The free port is probed before postgres binds it, so another process may take it in between: retry then.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeTcpPort();
            _postmaster = StartPostmaster(port);
            AdminConnectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = SuperUser,
                Database = "postgres",
                Timeout = 5,
            }.ConnectionString;

            try
            {
                await WaitUntilReadyAsync(exited: () => _postmaster.HasExited);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && _postmaster.HasExited)
            {
                Log($"postgres exited during start-up on port {port}; retrying. Log:\n{ServerLog}");
                _postmaster.Dispose();
                _postmaster = null;
            }
        }
    }

    private Process StartPostmaster(int port)
    {
        var process = new Process
        {
            StartInfo = StartInfo(
                Path.Combine(BinDirectory, "postgres"),
                "-D", DataDirectory,
                "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-k", _dataRoot!,
                "-c", "listen_addresses=127.0.0.1",
                "-c", "max_connections=500",
                // Durability is worthless for a throwaway cluster; these make every commit cheap.
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off"),
        };
        process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        process.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // Polls with a real connection, since "port open" does not mean "accepting connections" while recovery runs.
    private async Task WaitUntilReadyAsync(Func<bool> exited)
    {
        var deadline = Stopwatch.StartNew();
        Exception? lastError = null;
        while (deadline.Elapsed < ReadinessTimeout)
        {
            if (exited())
            {
                throw new InvalidOperationException($"postgres exited during start-up. Log:\n{ServerLog}");
            }

            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                await ExecuteAsync(connection, "SELECT 1");
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
            {
                lastError = ex;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }

        throw new TimeoutException($"PostgreSQL was not ready within {ReadinessTimeout}. Log:\n{ServerLog}", lastError);
    }

    private async Task DropCreatedDatabasesAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        foreach (var name in _createdDatabases)
        {
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private async Task<string> RunToCompletionAsync(string fileName, params string[] arguments)
    {
        using var process = new Process { StartInfo = StartInfo(fileName, arguments) };
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(fileName)} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }

        return await stdout;
    }

    private static ProcessStartInfo StartInfo(string fileName, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = RunsAsRoot ? "runuser" : fileName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (RunsAsRoot)
        {
            foreach (var prefix in new[] { "-u", SuperUser, "--", fileName })
            {
                startInfo.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_serverLog)
        {
            _serverLog.AppendLine(line);
        }
    }

    private string ServerLog
    {
        get
        {
            lock (_serverLog)
            {
                return _serverLog.ToString();
            }
        }
    }

    private void Log(string message) => _diagnostics.OnMessage(new DiagnosticMessage(message));
}
