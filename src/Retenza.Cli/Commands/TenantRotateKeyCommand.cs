using Npgsql;
using Retenza.Tenants;

namespace Retenza.Cli.Commands;

/// <summary><c>retenza tenant rotate-key</c>: replaces one of a tenant's keys; the old one stops working.</summary>
internal sealed class TenantRotateKeyCommand : ICliCommand
{
    private const string ConnectionStringOption = "--connection-string";

    public IReadOnlyList<string> Path { get; } = ["tenant", "rotate-key"];

    public string Usage => $"tenant rotate-key <name> <platform|admin> [{ConnectionStringOption} CS]";

    public string Description => "Replace a tenant's platform or admin key; prints the new key once. API nodes drop the old one within 30 s.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken ct)
    {
        var commandLine = CommandLine.Parse(args, ConnectionStringOption);
        if (commandLine.Positionals.Count != 2)
        {
            throw new UsageException("expected a tenant name and a key kind");
        }

        if (!ApiKeys.TryParseKind(commandLine.Positionals[1], out var kind))
        {
            throw new UsageException($"key kind must be 'platform' or 'admin', not '{commandLine.Positionals[1]}'");
        }

        var name = commandLine.Positionals[0];
        await using var dataSource = NpgsqlDataSource.Create(context.ResolveConnectionString(commandLine.Option(ConnectionStringOption)));
        var key = await new TenantStore(dataSource).RotateKeyAsync(name, kind, ct);
        context.Out.WriteLine($"tenant: {name}");
        context.Out.WriteLine($"{ApiKeys.KindName(kind)}: {key}");
        context.Error.WriteLine("The previous key no longer works. This key is stored hashed and cannot be shown again.");
        return ExitCodes.Success;
    }
}
