namespace Retenza.Cli.Commands;

/// <summary>The arguments are wrong; the CLI prints the message and the command's usage and exits with <see cref="ExitCodes.Usage"/>.</summary>
internal sealed class UsageException(string message) : Exception(message);
