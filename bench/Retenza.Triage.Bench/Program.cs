using System.Diagnostics;
using BenchmarkDotNet.Running;
using Retenza.Triage.Bench;

// `--latency`: percentiles over the realistic mix (BenchmarkDotNet reports means and medians, not p99),
// plus the cold model load; after 10 s of warm-up, so the JIT has finished tiering (2,000 calls left it
// half done and the figures about 3x too high). Anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["--latency", ..])
{
    var load = Stopwatch.StartNew();
    TriageMix.BuildPipeline();
    var loadMs = load.Elapsed.TotalMilliseconds;

    var mix = TriageMix.Load();
    var warmUp = Stopwatch.StartNew();
    for (var i = 0; warmUp.Elapsed < TimeSpan.FromSeconds(10); i++)
    {
        await mix.Pipeline.TriageAsync(mix.Requests[i % mix.Requests.Count]);
    }

    var samples = new double[20_000];
    for (var i = 0; i < samples.Length; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await mix.Pipeline.TriageAsync(mix.Requests[i % mix.Requests.Count]);
        samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    Console.WriteLine($"model load (cold, first pipeline): {loadMs:0} ms");
    Console.WriteLine($"realistic mix ({mix.Requests.Count} emails, {samples.Length} calls): {Percentiles(samples)}");

    // In a busy silo the rest of the ingest path (Orleans, storage, other grains) evicts the model's tables and
    // the rule code from the CPU caches between two emails; a 32 MB sweep before each call does the same here.
    var sweep = new byte[32 << 20];
    var cold = new double[3_000];
    for (var i = 0; i < cold.Length; i++)
    {
        for (var b = 0; b < sweep.Length; b += 64)
        {
            sweep[b]++;
        }

        var start = Stopwatch.GetTimestamp();
        await mix.Pipeline.TriageAsync(mix.Requests[i % mix.Requests.Count]);
        cold[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    Console.WriteLine($"same mix, caches swept before each call ({cold.Length} calls): {Percentiles(cold)}");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TriageBenchmarks).Assembly).Run(args);

static string Percentiles(double[] samples)
{
    Array.Sort(samples);
    double P(double q) => samples[(int)Math.Min(samples.Length - 1, q * samples.Length)];
    return $"mean {samples.Average():0} µs, p50 {P(0.50):0} µs, p95 {P(0.95):0} µs, p99 {P(0.99):0} µs, max {samples[^1]:0} µs";
}
