namespace Retenza.Cli.Commands;

/// <summary>What a command may use of its environment: output streams and environment variables.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr, Func<string, string?> getEnvironmentVariable)
{
    /// <summary>The environment form of the configuration key <c>Retenza:Postgres:ConnectionString</c>.</summary>
    public const string ConnectionStringVariable = "Retenza__Postgres__ConnectionString";

    private const string ConnectionStringKey = "Retenza:Postgres:ConnectionString";

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>
    /// The explicit <c>--connection-string</c> value if given, else the environment variable
    /// (also accepted in its colon form, as ASP.NET configuration would).
    /// </summary>
    public string ResolveConnectionString(string? explicitValue)
    {
        var value = explicitValue
                    ?? getEnvironmentVariable(ConnectionStringVariable)
                    ?? getEnvironmentVariable(ConnectionStringKey);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new UsageException(
                $"no connection string: pass --connection-string or set the environment variable {ConnectionStringVariable}");
        }

        return value;
    }
}
