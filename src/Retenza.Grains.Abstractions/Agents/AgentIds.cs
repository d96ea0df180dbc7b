using Retenza.Tenancy;

namespace Retenza.Agents;

public static class AgentIds
{
    public const string Prefix = "agt-";

    /// <summary>Derived from the email, so one email is one agent per tenant and a retried create finds the agent it made.</summary>
    public static string ForEmail(string tenant, string email) => GrainKeys.Derive(Prefix, tenant, email.Trim().ToLowerInvariant());

    public static bool IsWellFormed(string id) => GrainKeys.IsWellFormed(Prefix, id);
}
