using System.Reflection;
using Retenza.Cli.Commands;

namespace Retenza.Cli;

/// <summary>
/// Entry point of the <c>retenza</c> operator CLI: plain argument dispatch to the <see cref="ICliCommand"/>
/// implementations in Commands/, which are discovered by reflection so a new command is one new file.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        return await RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, cancellation.Token);
    }

    /// <summary>Runs one CLI invocation with explicit I/O, so tests can call it in-process.</summary>
    /// <returns>An exit code from <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter stdout,
        TextWriter stderr,
        Func<string, string?> getEnvironmentVariable,
        CancellationToken ct = default)
    {
        var context = new CliContext(stdout, stderr, getEnvironmentVariable);
        var commands = DiscoverCommands();

        if (args.Count == 0 || IsHelp(args[0]))
        {
            WriteUsage(stderr, commands);
            return ExitCodes.Usage;
        }

        var command = FindCommand(commands, args);
        if (command is null)
        {
            stderr.WriteLine($"error: unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))}'");
            WriteUsage(stderr, commands);
            return ExitCodes.Usage;
        }

        var commandArgs = args.Skip(command.Path.Count).ToArray();
        if (commandArgs.Any(IsHelp))
        {
            stderr.WriteLine($"usage: retenza {command.Usage}");
            return ExitCodes.Usage;
        }

        try
        {
            return await command.RunAsync(commandArgs, context, ct);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            stderr.WriteLine($"usage: retenza {command.Usage}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            stderr.WriteLine("error: cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            // An operator tool: one clear line (plus the inner cause) beats a stack trace.
            stderr.WriteLine($"error: {ex.Message}");
            if (ex.InnerException is { } inner)
            {
                stderr.WriteLine($"  caused by: {inner.Message}");
            }

            return ExitCodes.Failure;
        }
    }

    private static bool IsHelp(string arg) => arg is "--help" or "-h" or "help";

    // The command whose words match the longest prefix of the arguments ("tenant add" beats "tenant").
    private static ICliCommand? FindCommand(IReadOnlyList<ICliCommand> commands, IReadOnlyList<string> args) =>
        commands
            .Where(c => c.Path.Count <= args.Count && c.Path.Select((word, i) => word == args[i]).All(match => match))
            .MaxBy(c => c.Path.Count);

    private static IReadOnlyList<ICliCommand> DiscoverCommands() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliCommand).IsAssignableFrom(t))
            .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
            .OrderBy(c => string.Join(' ', c.Path), StringComparer.Ordinal)
            .ToArray();

    private static void WriteUsage(TextWriter writer, IReadOnlyList<ICliCommand> commands)
    {
        var version = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        writer.WriteLine($"retenza {version}".TrimEnd());
        writer.WriteLine();
        writer.WriteLine("usage: retenza <command> [options]");
        writer.WriteLine();
        writer.WriteLine("commands:");
        foreach (var command in commands)
        {
            writer.WriteLine($"  {command.Usage}");
            writer.WriteLine($"      {command.Description}");
        }

        writer.WriteLine();
        writer.WriteLine($"The connection string defaults to the environment variable {CliContext.ConnectionStringVariable}.");
    }
}
