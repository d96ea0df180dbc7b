using Npgsql;
using Retenza.Tenants;

namespace Retenza.Cli.Commands;

/// <summary><c>retenza tenant add</c>: creates a tenant and prints its two keys, the only time they are shown.</summary>
internal sealed class TenantAddCommand : ICliCommand
{
    private const string ConnectionStringOption = "--connection-string";

    public IReadOnlyList<string> Path { get; } = ["tenant", "add"];

    public string Usage => $"tenant add <name> [{ConnectionStringOption} CS]";

    public string Description => "Create a tenant; prints its platform and admin API keys once (store them now).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken ct)
    {
        var commandLine = CommandLine.Parse(args, ConnectionStringOption);
        if (commandLine.Positionals.Count != 1)
        {
            throw new UsageException("expected exactly one tenant name");
        }

        var name = commandLine.Positionals[0];
        await using var dataSource = NpgsqlDataSource.Create(context.ResolveConnectionString(commandLine.Option(ConnectionStringOption)));
        var keys = await new TenantStore(dataSource).AddTenantAsync(name, ct);
        context.Out.WriteLine($"tenant: {name}");
        foreach (var (kind, key) in keys.OrderBy(k => k.Key))
        {
            context.Out.WriteLine($"{ApiKeys.KindName(kind)}: {key}");
        }

        context.Error.WriteLine("These keys are stored hashed and cannot be shown again.");
        return ExitCodes.Success;
    }
}
