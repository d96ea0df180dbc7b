using Retenza.Triage.Policy;

namespace Retenza.Grains.Policy;

[GenerateSerializer, Alias("Retenza.Grains.PolicyState")]
public sealed class PolicyState
{
    /// <summary>Number of the last stored version (versions are "v1", "v2", …).</summary>
    [Id(0)] public int LastVersion { get; set; }

    /// <summary>Oldest first; the last entry is current. Bounded by <see cref="PolicyGrain.KeptVersions"/>.</summary>
    [Id(1)] public List<StoredPolicy> History { get; set; } = [];
}

[GenerateSerializer, Immutable, Alias("Retenza.Grains.StoredPolicy")]
public sealed record StoredPolicy(
    [property: Id(0)] TriagePolicy Policy,
    [property: Id(1)] DateTimeOffset StoredAt,
    [property: Id(2)] string Actor);
