using System.Diagnostics;
using Retenza.Cli;
using CliProgram = Retenza.Cli.Program;
using Retenza.Postgres;

namespace Retenza.IntegrationTests.Postgres;

/// <summary>The <c>retenza migrate</c> command, in-process through its entry point and as the built <c>retenza.dll</c>.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CliMigrateTests(PostgresServer server)
{
    private const string ConnectionStringVariable = "Retenza__Postgres__ConnectionString";

    [Fact]
    public async Task Migrate_applies_everything_then_nothing_and_exits_0()
    {
        var connectionString = await server.CreateDatabaseAsync();

        var first = await RunInProcessAsync(["migrate", "--connection-string", connectionString]);
        var second = await RunInProcessAsync(["migrate", "--connection-string", connectionString]);

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.All(SchemaMigrator.KnownMigrations, name => Assert.Contains($"applied {name}", first.Stdout));
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Contains("up to date", second.Stdout);
        Assert.DoesNotContain("applied 0001", second.Stdout);
    }

    [Fact]
    public async Task Migrate_reads_the_connection_string_from_the_environment()
    {
        var connectionString = await server.CreateDatabaseAsync();

        var result = await RunInProcessAsync(["migrate"], new() { [ConnectionStringVariable] = connectionString });

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("applied 0001_orleans_clustering.sql", result.Stdout);
    }

    [Fact]
    public async Task Migrate_without_any_connection_string_is_a_usage_error()
    {
        var result = await RunInProcessAsync(["migrate"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(ConnectionStringVariable, result.Stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("frobnicate")]
    [InlineData("migrate", "--no-such-option", "x")]
    public async Task Help_and_unknown_input_print_usage_and_exit_2(params string[] args)
    {
        var result = await RunInProcessAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("usage: retenza", result.Stderr);
    }

    [Fact]
    public async Task Built_cli_migrates_and_exits_0()
    {
        var connectionString = await server.CreateDatabaseAsync();

        var result = await RunBuiltCliAsync(["migrate", "--connection-string", connectionString]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("applied 0001_orleans_clustering.sql", result.Stdout);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Username=nobody;Database=nothing;Timeout=3")]
    [InlineData("this is not a connection string")]
    public async Task Built_cli_exits_1_with_a_clear_error_for_a_bad_connection_string(string connectionString)
    {
        var result = await RunBuiltCliAsync(["migrate", "--connection-string", connectionString]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("error: ", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr); // no stack trace
    }

    private static async Task<CliResult> RunInProcessAsync(string[] args, Dictionary<string, string>? environment = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliProgram.RunAsync(args, stdout, stderr, name => environment?.GetValueOrDefault(name));
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    private static async Task<CliResult> RunBuiltCliAsync(string[] args)
    {
        var startInfo = new ProcessStartInfo
        {
            // The SDK tells test hosts which dotnet it runs under; fall back to the one on PATH.
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(BuiltCliPath());
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        // The child must not pick up a connection string from the test run's environment.
        startInfo.Environment.Remove(ConnectionStringVariable);

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    // The copy in this test's output directory cannot run on its own: assemblies it needs come from the ASP.NET
    // shared framework here, which retenza.runtimeconfig.json does not name. So run the CLI project's own build
    // output, of the same configuration and target framework as this test assembly.
    private static string BuiltCliPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var targetFramework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        for (var dir = testOutput; dir is not null; dir = dir.Parent)
        {
            var cliProject = Path.Combine(dir.FullName, "src", "Retenza.Cli");
            if (Directory.Exists(cliProject))
            {
                var dll = Path.Combine(cliProject, "bin", configuration, targetFramework, "retenza.dll");
                Assert.True(File.Exists(dll), $"The CLI is not built at {dll}.");
                return dll;
            }
        }

        throw new InvalidOperationException($"No src/Retenza.Cli above {testOutput.FullName}.");
    }

    private sealed record CliResult(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
    }
}
