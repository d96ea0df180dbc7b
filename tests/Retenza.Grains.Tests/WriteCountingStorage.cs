using System.Collections.Concurrent;
using Orleans.Storage;

namespace Retenza.Grains.Tests;

/// <summary>
/// Grain storage that counts the reads and writes per state and grain, passing everything on to the real storage,
/// and can refuse one chosen write (as a storage failure or a crashed silo would).
/// </summary>
public sealed class WriteCountingStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), int> _writes = new();
    private readonly ConcurrentDictionary<(string State, GrainId Grain), int> _reads = new();
    private Func<string, GrainId, bool>? _failNext;

    public int Writes(string stateName, GrainId grain) => _writes.GetValueOrDefault((stateName, grain));

    public int Reads(string stateName, GrainId grain) => _reads.GetValueOrDefault((stateName, grain));

    /// <summary>The next write of a state and grain that <paramref name="which"/> picks throws instead of storing.</summary>
    public void FailNextWrite(Func<string, GrainId, bool> which) => _failNext = which;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.ReadStateAsync(stateName, grainId, grainState);
        _reads.AddOrUpdate((stateName, grainId), 1, (_, count) => count + 1);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_failNext is { } which && which(stateName, grainId) && Interlocked.CompareExchange(ref _failNext, null, which) == which)
        {
            throw new IOException($"scripted storage failure writing {stateName} of {grainId}");
        }

        await inner.WriteStateAsync(stateName, grainId, grainState);
        _writes.AddOrUpdate((stateName, grainId), 1, (_, count) => count + 1);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
