using BenchmarkDotNet.Attributes;

namespace Retenza.Triage.Bench;

/// <summary>Triage cost per email (issue 3 targets: fast path p50 ≤ 200 µs, mix mean ≤ 0.5 ms).</summary>
[MemoryDiagnoser]
public class TriageBenchmarks
{
    private TriageMix _mix = null!;
    private int _next;

    [GlobalSetup]
    public void Setup() => _mix = TriageMix.Load();

    /// <summary>A plain tracking question about an order in transit: the common, auto-sendable case.</summary>
    [Benchmark(Baseline = true)]
    public ValueTask<TriageResult> FastPath() => _mix.Pipeline.TriageAsync(_mix.Routine);

    /// <summary>One email of the realistic mix per call, in turn (golden emails and noisy paraphrases).</summary>
    [Benchmark]
    public ValueTask<TriageResult> RealisticMix() => _mix.Pipeline.TriageAsync(_mix.Requests[_next++ % _mix.Requests.Count]);
}
