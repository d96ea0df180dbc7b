namespace Retenza.Cli;

/// <summary>Process exit codes of the CLI.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and failed (e.g. the database was unreachable).</summary>
    public const int Failure = 1;

    /// <summary>Help was requested, or the command line was not understood.</summary>
    public const int Usage = 2;
}
