using System.Collections.Concurrent;
using Orleans.Storage;

namespace Retenza.Grains.Tests;

/// <summary>Grain storage that counts the writes per state and grain, passing everything on to the real storage.</summary>
public sealed class WriteCountingStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), int> _writes = new();

    public int Writes(string stateName, GrainId grain) => _writes.GetValueOrDefault((stateName, grain));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.WriteStateAsync(stateName, grainId, grainState);
        _writes.AddOrUpdate((stateName, grainId), 1, (_, count) => count + 1);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
