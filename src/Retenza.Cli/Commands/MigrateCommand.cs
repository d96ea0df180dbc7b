using Retenza.Postgres;

namespace Retenza.Cli.Commands;

/// <summary><c>retenza migrate</c>: applies the pending schema migrations and lists what it applied.</summary>
internal sealed class MigrateCommand : ICliCommand
{
    private const string ConnectionStringOption = "--connection-string";

    public IReadOnlyList<string> Path { get; } = ["migrate"];

    public string Usage => $"migrate [{ConnectionStringOption} CS]";

    public string Description => "Apply pending database migrations (safe to run concurrently and repeatedly).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken ct)
    {
        var commandLine = CommandLine.Parse(args, ConnectionStringOption);
        if (commandLine.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{commandLine.Positionals[0]}'");
        }

        var connectionString = context.ResolveConnectionString(commandLine.Option(ConnectionStringOption));

        var applied = await SchemaMigrator.MigrateAsync(connectionString, logger: null, ct);

        foreach (var name in applied)
        {
            context.Out.WriteLine($"applied {name}");
        }

        context.Out.WriteLine(applied.Count == 0
            ? $"schema is up to date ({SchemaMigrator.KnownMigrations.Count} migrations)"
            : $"applied {applied.Count} of {SchemaMigrator.KnownMigrations.Count} migrations");
        return ExitCodes.Success;
    }
}
