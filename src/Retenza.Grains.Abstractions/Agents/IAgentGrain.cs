namespace Retenza.Agents;

/// <summary>An agent's profile and the hash of their current token, keyed "tenant/agt-…".</summary>
[Alias("Retenza.IAgentGrain")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Creates the agent; false (nothing changed) when it already exists.</summary>
    [Alias("Create")]
    Task<bool> Create(AgentProfile profile, string tokenHash);

    /// <summary>Replaces the token (the old one stops working); null when the agent does not exist.</summary>
    [Alias("ReplaceToken")]
    Task<AgentProfile?> ReplaceToken(string tokenHash);

    /// <summary>The profile when <paramref name="tokenHash"/> is the current token's hash, else null.</summary>
    [Alias("Authenticate")]
    Task<AgentProfile?> Authenticate(string tokenHash);

    [Alias("Get")]
    Task<AgentProfile?> Get();
}
