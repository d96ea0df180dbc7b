using System.Security.Claims;

namespace Retenza.Api.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The caller's tenant. Every grain key is built from it, which is what keeps tenants apart.</summary>
    public static string Tenant(this ClaimsPrincipal user) =>
        user.FindFirstValue(RetenzaClaims.Tenant) ?? throw new InvalidOperationException("Authenticated caller has no tenant claim.");

    /// <summary>Who acted, for audit entries: the agent's id, or the role of the key.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirstValue(RetenzaClaims.Agent) ?? (user.IsInRole(Roles.Admin) ? "admin-key" : user.IsInRole(Roles.Platform) ? "platform-key" : "unknown");

    /// <summary>The calling agent's id; only on endpoints that require the agent policy.</summary>
    public static string AgentId(this ClaimsPrincipal user) =>
        user.FindFirstValue(RetenzaClaims.Agent) ?? throw new InvalidOperationException("Caller is not an agent.");
}
