using Orleans.Storage;

namespace Retenza.Grains;

/// <summary>
/// A grain's stored state, read when a call first needs it rather than at activation: a call that expects the grain
/// to be new (a ticket opened for a message its customer never sent) can then skip a read that would find nothing.
/// The same row as <c>[PersistentState]</c> with this state name: the same storage, state name and grain id.
/// </summary>
internal sealed class DeferredState<T>(string stateName, GrainId grainId, IGrainStorage storage) : IPersistentState<T>
    where T : class, new()
{
    private readonly GrainState<T> _stored = new(new T());

    /// <summary>The state was read, or assumed new: calls may use it.</summary>
    public bool IsLoaded { get; private set; }

    /// <summary>
    /// The state was assumed new and not yet written: the next write is an insert, which storage refuses
    /// (<see cref="InconsistentStateException"/>) if the row exists after all.
    /// </summary>
    public bool IsAssumedNew { get; private set; }

    public T State
    {
        get => _stored.State ??= new T();
        set => _stored.State = value;
    }

    public string? Etag => _stored.ETag;

    public bool RecordExists => _stored.RecordExists;

    /// <summary>Reads the row, replacing whatever the state held (also what a refused insert left in memory).</summary>
    public async Task ReadStateAsync()
    {
        await storage.ReadStateAsync(stateName, grainId, _stored);
        IsLoaded = true;
        IsAssumedNew = false;
    }

    /// <summary>Takes the state to be new without reading it; see <see cref="IsAssumedNew"/>.</summary>
    public void AssumeNew()
    {
        _stored.State = new T();
        _stored.ETag = null;
        _stored.RecordExists = false;
        IsLoaded = true;
        IsAssumedNew = true;
    }

    public async Task WriteStateAsync()
    {
        await storage.WriteStateAsync(stateName, grainId, _stored);
        IsAssumedNew = false;
    }

    public async Task ClearStateAsync()
    {
        await storage.ClearStateAsync(stateName, grainId, _stored);
        IsAssumedNew = false;
    }
}
