using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace Retenza.Hosting.Local;

/// <summary>
/// Local mode's grain storage: serialized state in a dictionary of this process. Orleans' own
/// memory storage routes every read and write through storage grains with a deep copy, which cost
/// a fifth of local-mode ingest; this keeps the same contract (serialized copies, ETag checks,
/// InconsistentStateException) without the extra grain calls. Data lives as long as the process.
/// </summary>
internal sealed class InProcessGrainStorage(Serializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), Row> _rows = new();
    private long _version;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue((stateName, grainId), out var row))
        {
            grainState.State = serializer.Deserialize<T>(row.Payload);
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var next = new Row(serializer.SerializeToArray(grainState.State), NewETag());
        var stored = grainState.ETag is null
            ? _rows.TryAdd(key, next)
            : _rows.TryGetValue(key, out var current) && current.ETag == grainState.ETag && _rows.TryUpdate(key, next, current);
        if (!stored)
        {
            throw new InconsistentStateException($"Stale ETag writing {stateName} of {grainId}.", Current(key), grainState.ETag);
        }

        grainState.ETag = next.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        if (grainState.ETag is not null
            && !(_rows.TryGetValue(key, out var current) && current.ETag == grainState.ETag && _rows.TryRemove(new KeyValuePair<(string, GrainId), Row>(key, current))))
        {
            throw new InconsistentStateException($"Stale ETag clearing {stateName} of {grainId}.", Current(key), grainState.ETag);
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string NewETag() => Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string Current((string, GrainId) key) => _rows.TryGetValue(key, out var row) ? row.ETag : "none";

    private sealed record Row(byte[] Payload, string ETag);
}
