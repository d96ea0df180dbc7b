namespace Retenza.Policy;

/// <summary>Who stored which policy version when: the audit trail of routing changes.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.PolicyVersionInfo")]
public sealed record PolicyVersionInfo(
    [property: Id(0)] string Version,
    [property: Id(1)] DateTimeOffset StoredAt,
    [property: Id(2)] string Actor);
