namespace Retenza.Cli.Commands;

/// <summary>
/// One sub-command of the CLI. Every non-abstract implementation in this assembly is picked up by
/// <see cref="Program"/>, so adding a command means adding one file to Commands/.
/// Implementations need a public parameterless constructor.
/// </summary>
internal interface ICliCommand
{
    /// <summary>The words that select the command, e.g. <c>["migrate"]</c> or <c>["tenant", "add"]</c>.</summary>
    IReadOnlyList<string> Path { get; }

    /// <summary>The usage line without the program name, e.g. <c>migrate [--connection-string CS]</c>.</summary>
    string Usage { get; }

    /// <summary>One line for the help text.</summary>
    string Description { get; }

    /// <summary>Runs the command with the arguments after its <see cref="Path"/>.</summary>
    /// <returns>An exit code from <see cref="ExitCodes"/>. Throw <see cref="UsageException"/> for bad arguments.</returns>
    Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken ct);
}
