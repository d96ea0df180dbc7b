using Retenza.Triage.Policy;

namespace Retenza.Policy;

/// <summary>The answer to a policy change: stored (with its new version), refused as invalid, or stale.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.PolicyUpdate")]
public sealed record PolicyUpdate(
    [property: Id(0)] PolicyUpdateOutcome Outcome,
    [property: Id(1)] TriagePolicy Current,
    [property: Id(2)] IReadOnlyList<string> Errors);

public enum PolicyUpdateOutcome
{
    Stored,
    Invalid,
    VersionConflict,
}
