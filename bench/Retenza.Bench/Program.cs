using System.Globalization;
using System.Text.Json;
using Retenza.Bench;

// Retenza's load generator: (a) ingest throughput and latency over HTTP, (b) optionally PostgreSQL's raw
// upsert ceiling on the same machine, and the ratio of the two. See BenchOptions.Usage.
BenchOptions options;
try
{
    if (args.Any(a => a is "--help" or "-h"))
    {
        Console.WriteLine(BenchOptions.Usage);
        return 0;
    }

    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 64;
}

var summary = new Dictionary<string, object?>
{
    ["url"] = options.Http ? options.Url.ToString().TrimEnd('/') : null,
    ["concurrency"] = options.Concurrency,
    ["rate"] = options.Rate,
    ["durationSeconds"] = options.Duration.TotalSeconds,
    ["warmupSeconds"] = options.Warmup.TotalSeconds,
    ["replies"] = options.Replies,
    ["processorCount"] = Environment.ProcessorCount,
};
var exitCode = 0;
double? ticketsPerSecond = null;
var writesPerTicket = options.WritesPerTicket;

if (options.Http)
{
    using var http = new HttpLoad(options.Url, options.Key, options.Concurrency, options.Customers, options.Replies);
    if (await http.PreflightAsync() is { } problem)
    {
        Console.Error.WriteLine($"error: {problem}");
        return 2;
    }

    var before = options.PostgresConnectionString is { } counted ? await StorageCounts.ReadAsync(counted) : default;
    var load = options.Rate is { } offered ? Invariant($"open loop, {offered:0.#} requests/s offered over up to {options.Concurrency} connections") : $"{options.Concurrency} concurrent";
    Console.WriteLine(Invariant($"http  POST {options.Url}v1/messages: {load}, {options.Warmup.TotalSeconds:0.#} s warm-up, {options.Duration.TotalSeconds:0.#} s measured, {options.Customers} customers, {options.Replies:P0} replies"));
    var result = options.Rate is { } rate
        ? await OpenLoop.RunAsync(rate, options.Concurrency, options.Warmup, options.Duration, http.PostAsync)
        : await ClosedLoop.RunAsync(options.Concurrency, options.Warmup, options.Duration, http.PostAsync);
    ticketsPerSecond = result.PerSecond;
    Console.WriteLine(Invariant($"http  tickets: {result.Succeeded} in {result.Elapsed.TotalSeconds:0.00} s = {result.PerSecond:0.0} tickets/s"));
    Console.WriteLine(Invariant($"http  latency ms: p50 {result.Percentile(50):0.0}  p95 {result.Percentile(95):0.0}  p99 {result.Percentile(99):0.0}  max {result.MaxMs:0.0}"));
    if (options.Timeline)
    {
        foreach (var second in result.Timeline)
        {
            Console.WriteLine(Invariant($"time  {second.Second,4} s  {second.Operations,6} requests  {second.Failed,4} failed  slowest {second.MaxMs,8:0.0} ms"));
        }
    }

    Console.WriteLine(result.Errors.Count == 0
        ? "http  errors: none"
        : $"http  errors: {result.Failed} ({string.Join(", ", result.Errors.Select(e => $"{e.Key}: {e.Value}"))})");

    if (options.PostgresConnectionString is { } countedAfter)
    {
        // Warm-up included: every ticket the run created against every state row it wrote.
        var after = await StorageCounts.ReadAsync(countedAfter);
        var created = after.Tickets - before.Tickets;
        if (created > 0)
        {
            writesPerTicket = (double)(after.Writes - before.Writes) / created;
            Console.WriteLine(Invariant($"http  storage: {after.Writes - before.Writes} grain-state writes for {created} new tickets = {writesPerTicket:0.00} writes/ticket"));
        }
    }

    summary["tickets"] = result.Succeeded;
    summary["ticketsPerSecond"] = Round(result.PerSecond);
    summary["p50Ms"] = Round(result.Percentile(50));
    summary["p95Ms"] = Round(result.Percentile(95));
    summary["p99Ms"] = Round(result.Percentile(99));
    summary["maxMs"] = Round(result.MaxMs);
    summary["errors"] = result.Errors;
    if (result.Succeeded == 0)
    {
        exitCode = 3;
    }
}

if (options.PostgresConnectionString is { } connectionString)
{
    await using var pg = new PgLoad(connectionString, options.Concurrency, options.PgRowBytes, options.PgKeys);
    await pg.CreateTableAsync();
    Console.WriteLine(Invariant($"pg    raw upserts of {options.PgRowBytes} B rows over {options.PgKeys} keys into throwaway table {pg.Table}: {options.Concurrency} writers"));
    var result = await ClosedLoop.RunAsync(options.Concurrency, options.Warmup, options.Duration, pg.UpsertAsync);
    Console.WriteLine(Invariant($"pg    writes: {result.Succeeded} in {result.Elapsed.TotalSeconds:0.00} s = {result.PerSecond:0.0} writes/s (p50 {result.Percentile(50):0.0} ms, p99 {result.Percentile(99):0.0} ms)"));
    if (result.Errors.Count > 0)
    {
        Console.WriteLine($"pg    errors: {result.Failed} ({string.Join(", ", result.Errors.Select(e => $"{e.Key}: {e.Value}"))})");
    }

    summary["pgWritesPerSecond"] = Round(result.PerSecond);
    summary["pgP50Ms"] = Round(result.Percentile(50));
    summary["pgP99Ms"] = Round(result.Percentile(99));
    summary["pgRowBytes"] = options.PgRowBytes;
    summary["writesPerTicket"] = Math.Round(writesPerTicket, 2);
    if (ticketsPerSecond is { } tps && result.PerSecond > 0)
    {
        var ratio = tps * writesPerTicket / result.PerSecond;
        Console.WriteLine(Invariant($"ratio (tickets/s × {writesPerTicket:0.##} writes/ticket) ÷ raw writes/s = {tps:0.0} × {writesPerTicket:0.##} ÷ {result.PerSecond:0.0} = {ratio:0.000}"));
        summary["ratio"] = Math.Round(ratio, 3);
    }
}

Console.WriteLine(JsonSerializer.Serialize(summary));
return exitCode;

static double? Round(double value) => double.IsFinite(value) ? Math.Round(value, 1) : null;

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
