namespace Retenza.Agents;

/// <summary>Who an agent is and what they may work on; never holds the token (only its hash lives in the agent grain).</summary>
[GenerateSerializer, Immutable, Alias("Retenza.AgentProfile")]
public sealed record AgentProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Email,
    [property: Id(3)] IReadOnlyList<string> Queues,
    [property: Id(4)] int Capacity,
    [property: Id(5)] DateTimeOffset CreatedAt);
