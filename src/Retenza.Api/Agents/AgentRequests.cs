using Retenza.Agents;

namespace Retenza.Api.Agents;

/// <summary>POST /v1/agents, as sent: nullable so validation can name what is missing.</summary>
public sealed class AgentRequest
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public List<string>? Queues { get; set; }
    public int? Capacity { get; set; }
}

/// <summary>POST /v1/agents/me/session: both optional, defaulting to the agent's profile.</summary>
public sealed class SignInRequest
{
    public List<string>? Queues { get; set; }
    public int? Capacity { get; set; }
}

/// <summary>The only time a token is shown: store it now, it cannot be read back.</summary>
public sealed record AgentCreated(AgentProfile Agent, string Token);

public sealed record AgentToken(string AgentId, string Token);

public sealed record AgentMe(AgentProfile Agent, AgentSession Session);
