using Retenza.Triage.Policy;

namespace Retenza.Policy;

/// <summary>
/// A tenant's routing policy and its version history, keyed "tenant/policy". Read rarely: silos
/// cache the current policy (see TenantPolicyCache), so ingest never queues behind this grain.
/// </summary>
[Alias("Retenza.IPolicyGrain")]
public interface IPolicyGrain : IGrainWithStringKey
{
    /// <summary>The current policy; <see cref="TriagePolicy.Default"/> until the tenant sets one.</summary>
    [Alias("Get")]
    Task<TriagePolicy> Get();

    /// <summary>Stores a new version. <paramref name="expectedVersion"/>, when given, must be the current version.</summary>
    [Alias("Put")]
    Task<PolicyUpdate> Put(TriagePolicy policy, string? expectedVersion, string actor);

    /// <summary>A stored version, or null if it never existed or has been pruned.</summary>
    [Alias("GetVersion")]
    Task<TriagePolicy?> GetVersion(string version);

    [Alias("Versions")]
    Task<IReadOnlyList<PolicyVersionInfo>> Versions();
}
