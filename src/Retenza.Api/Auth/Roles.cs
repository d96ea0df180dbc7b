namespace Retenza.Api.Auth;

public static class Roles
{
    public const string Platform = "platform";
    public const string Admin = "admin";

    /// <summary>A human agent, by their own token: works queues and tickets, never ingests nor administers.</summary>
    public const string Agent = "agent";
}

public static class Policies
{
    /// <summary>Ingest and reads: the platform key, and the admin key (an operator may read what the platform can).</summary>
    public const string Platform = "platform";

    /// <summary>Policy, agents, analytics, tenant keys: the admin key only.</summary>
    public const string Admin = "admin";

    /// <summary>Claims, sessions, replies: agent tokens only (platform and admin keys cannot act as an agent).</summary>
    public const string Agent = "agent";

    /// <summary>Queue views and briefings: agents, and operators with the admin key.</summary>
    public const string AgentOrAdmin = "agent-or-admin";
}

public static class RetenzaClaims
{
    public const string Tenant = "retenza:tenant";

    /// <summary>The agent id ("agt-…") of an agent token.</summary>
    public const string Agent = "retenza:agent";
}
