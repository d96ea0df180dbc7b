using Orleans.Storage;

namespace Retenza.IntegrationTests.Postgres;

/// <summary>Gives every grain the same hash, so only the natural key can tell grains apart.</summary>
internal sealed class ConstantHasher : IHasher
{
    public string Description => "Constant hash for collision tests";

    public int Hash(byte[] data) => 42;
}
