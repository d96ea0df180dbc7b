using System.Globalization;

namespace Retenza.Bench;

/// <summary>Command-line options of the load generator; see <see cref="Usage"/>.</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        usage: Retenza.Bench [options]

          --url URL                 API base address (default http://127.0.0.1:5080)
          --key KEY                 platform API key (default demo-key, local mode's seeded tenant)
          --concurrency N           concurrent requests / PostgreSQL writers (default 64); with --rate, the most
                                    HTTP connections open at once (requests beyond wait for one, and that wait counts)
          --rate R                  open loop: start R requests per second whatever the answers (latency from each
                                    request's scheduled start); without it, a closed loop of --concurrency workers
          --timeline                with --rate, also print each second's requests, failures and slowest answer
          --duration SECONDS        measured time of each part (default 20)
          --warmup SECONDS          unmeasured warm-up before each part (default 3)
          --customers N             distinct customer e-mail addresses to spread messages over (default 10000)
          --replies FRACTION        share of messages that write again about the customer's standing order,
                                    which threads onto that customer's open ticket (default 0: every
                                    message is a new issue on an order of its own, so a new ticket)
          --pg CS                   also measure PostgreSQL's raw upsert ceiling on this database
          --pg-row-bytes N          payload size of each raw upsert (default 2048)
          --pg-keys N               id range of the raw upserts: inserts at first, then updates (default 100000)
          --writes-per-ticket N     storage writes one ingested ticket costs, for the ratio when the run cannot
                                    count them (with --pg and HTTP it counts them in PostgreSQL's statistics)
          --no-http                 skip the HTTP part (measure only --pg)

        Prints human-readable lines, then one final JSON line with every figure.
        """;

    public Uri Url { get; private set; } = new("http://127.0.0.1:5080");
    public string Key { get; private set; } = "demo-key";
    public int Concurrency { get; private set; } = 64;

    /// <summary>Requests per second offered by an open loop; null for a closed loop.</summary>
    public double? Rate { get; private set; }

    /// <summary>Whether to print the open loop's per-second timeline.</summary>
    public bool Timeline { get; private set; }
    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(20);
    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(3);
    public int Customers { get; private set; } = 10_000;
    public double Replies { get; private set; }
    public string? PostgresConnectionString { get; private set; }
    public int PgRowBytes { get; private set; } = 2048;
    public long PgKeys { get; private set; } = 100_000;
    public double WritesPerTicket { get; private set; } = 2;
    public bool Http { get; private set; } = true;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"option '{arg}' needs a value");
                }

                return args[++i];
            }

            switch (arg)
            {
                case "--url":
                    options.Url = new Uri(Value().TrimEnd('/') + "/");
                    break;
                case "--key":
                    options.Key = Value();
                    break;
                case "--concurrency":
                    options.Concurrency = Positive(arg, Value());
                    break;
                case "--rate":
                    options.Rate = PositiveDouble(arg, Value());
                    break;
                case "--timeline":
                    options.Timeline = true;
                    break;
                case "--duration":
                    options.Duration = TimeSpan.FromSeconds(PositiveDouble(arg, Value()));
                    break;
                case "--warmup":
                    options.Warmup = TimeSpan.FromSeconds(NonNegativeDouble(arg, Value()));
                    break;
                case "--customers":
                    options.Customers = Positive(arg, Value());
                    break;
                case "--replies":
                    options.Replies = NonNegativeDouble(arg, Value()) is var share and <= 1
                        ? share
                        : throw new ArgumentException($"--replies must be between 0 and 1, not '{inline ?? args[i]}'");
                    break;
                case "--pg":
                    options.PostgresConnectionString = Value();
                    break;
                case "--pg-row-bytes":
                    options.PgRowBytes = Positive(arg, Value());
                    break;
                case "--pg-keys":
                    options.PgKeys = Positive(arg, Value());
                    break;
                case "--writes-per-ticket":
                    options.WritesPerTicket = PositiveDouble(arg, Value());
                    break;
                case "--no-http":
                    options.Http = false;
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }

        if (!options.Http && options.PostgresConnectionString is null)
        {
            throw new ArgumentException("--no-http without --pg leaves nothing to measure");
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive integer, not '{value}'");

    private static double PositiveDouble(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0
            ? d
            : throw new ArgumentException($"{name} must be a positive number, not '{value}'");

    private static double NonNegativeDouble(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0
            ? d
            : throw new ArgumentException($"{name} must be a number ≥ 0, not '{value}'");
}
