using Retenza.Agents;

namespace Retenza.Grains.Agents;

[GenerateSerializer, Alias("Retenza.Grains.AgentState")]
public sealed class AgentState
{
    [Id(0)] public AgentProfile? Profile { get; set; }

    /// <summary>SHA-256 of the current token; the token itself is shown once and never stored.</summary>
    [Id(1)] public string TokenHash { get; set; } = "";
}
