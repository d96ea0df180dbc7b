namespace Retenza.Agents;

/// <summary>A signed-in agent's working state: what they take from, how much at once, what they hold.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.AgentSession")]
public sealed record AgentSession(
    [property: Id(0)] string AgentId,
    [property: Id(1)] bool SignedIn,
    [property: Id(2)] IReadOnlyList<string> Queues,
    [property: Id(3)] int Capacity,
    [property: Id(4)] IReadOnlyList<string> Claims,
    [property: Id(5)] DateTimeOffset? LastHeartbeatAt,
    [property: Id(6)] DateTimeOffset? LeaseExpiresAt);
