namespace Retenza.Cli.Commands;

/// <summary>Minimal option parsing shared by commands: <c>--name value</c> or <c>--name=value</c>, plus positionals.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _options;

    private CommandLine(Dictionary<string, string> options, IReadOnlyList<string> positionals)
    {
        _options = options;
        Positionals = positionals;
    }

    public IReadOnlyList<string> Positionals { get; }

    /// <summary>Parses <paramref name="args"/>, accepting only the options named in <paramref name="knownOptions"/>.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args, params string[] knownOptions)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positionals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(arg);
                continue;
            }

            var separator = arg.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? arg : arg[..separator];
            if (!knownOptions.Contains(name, StringComparer.Ordinal))
            {
                throw new UsageException($"unknown option '{name}'");
            }

            string value;
            if (separator >= 0)
            {
                value = arg[(separator + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"option '{name}' needs a value");
            }

            if (!options.TryAdd(name, value))
            {
                throw new UsageException($"option '{name}' given twice");
            }
        }

        return new CommandLine(options, positionals);
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);
}
