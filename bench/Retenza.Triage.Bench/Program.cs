using System.Diagnostics;
using BenchmarkDotNet.Running;
using Retenza.Triage.Bench;

// `--latency`: percentiles over the realistic mix (BenchmarkDotNet reports means and medians, not p99),
// plus the cold model load. Anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["--latency", ..])
{
    var load = Stopwatch.StartNew();
    TriageMix.BuildPipeline();
    var loadMs = load.Elapsed.TotalMilliseconds;

    var mix = TriageMix.Load();
    for (var i = 0; i < 2_000; i++)
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

    Array.Sort(samples);
    double P(double q) => samples[(int)Math.Min(samples.Length - 1, q * samples.Length)];
    Console.WriteLine($"model load (cold, first pipeline): {loadMs:0} ms");
    Console.WriteLine($"realistic mix ({mix.Requests.Count} emails, {samples.Length} calls): mean {samples.Average():0} µs, p50 {P(0.50):0} µs, p95 {P(0.95):0} µs, p99 {P(0.99):0} µs, max {samples[^1]:0} µs");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TriageBenchmarks).Assembly).Run(args);
