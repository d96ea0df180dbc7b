using Retenza.Policy;
using Retenza.Triage.Policy;

namespace Retenza.Grains.Policy;

public sealed class PolicyGrain(
    [PersistentState("policy", StorageNames.Default)] IPersistentState<PolicyState> state,
    TimeProvider time) : Grain, IPolicyGrain
{
    /// <summary>Assessments cite policy versions; keeping the last 100 lets an auditor read any recent one.</summary>
    public const int KeptVersions = 100;

    private TriagePolicy Current => state.State.History.Count == 0 ? TriagePolicy.Default : state.State.History[^1].Policy;

    public Task<TriagePolicy> Get() => Task.FromResult(Current);

    public async Task<PolicyUpdate> Put(TriagePolicy policy, string? expectedVersion, string actor)
    {
        if (expectedVersion is not null && expectedVersion != Current.Version)
        {
            return new PolicyUpdate(PolicyUpdateOutcome.VersionConflict, Current,
                [$"The policy is at version '{Current.Version}', not '{expectedVersion}'."]);
        }

        var errors = PolicyValidator.Validate(policy);
        if (errors.Count > 0)
        {
            return new PolicyUpdate(PolicyUpdateOutcome.Invalid, Current, errors);
        }

        var stored = policy with { Version = $"v{state.State.LastVersion + 1}" };
        state.State.LastVersion++;
        state.State.History.Add(new StoredPolicy(stored, time.GetUtcNow(), actor));
        if (state.State.History.Count > KeptVersions)
        {
            state.State.History.RemoveRange(0, state.State.History.Count - KeptVersions);
        }

        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        return new PolicyUpdate(PolicyUpdateOutcome.Stored, stored, []);
    }

    public Task<TriagePolicy?> GetVersion(string version) => Task.FromResult(
        version == TriagePolicy.Default.Version
            ? TriagePolicy.Default
            : state.State.History.FirstOrDefault(h => h.Policy.Version == version)?.Policy);

    public Task<IReadOnlyList<PolicyVersionInfo>> Versions() => Task.FromResult<IReadOnlyList<PolicyVersionInfo>>(
        state.State.History.Select(h => new PolicyVersionInfo(h.Policy.Version, h.StoredAt, h.Actor)).Reverse().ToArray());
}
