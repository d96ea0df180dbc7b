using System.Security.Cryptography;
using System.Text;

namespace Retenza.Agents;

/// <summary>
/// Opaque agent bearer tokens: "rtz_agt_&lt;tenant&gt;_&lt;agent id&gt;_&lt;160-bit secret&gt;". The tenant and agent
/// id are not secret; carrying them lets one grain call (that agent's) check the token, with no
/// token index. Only the SHA-256 of the whole token is stored.
/// </summary>
public static class AgentTokens
{
    public const string Prefix = "rtz_agt_";

    public static string Generate(string tenant, string agentId) =>
        $"{Prefix}{tenant}_{agentId}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20))}";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool LooksLikeAgentToken(string token) => token.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Tenant names hold no '_' and agent ids hold no '_', so the split is unambiguous.</summary>
    public static bool TryParse(string token, out string tenant, out string agentId)
    {
        tenant = agentId = "";
        if (!LooksLikeAgentToken(token))
        {
            return false;
        }

        var parts = token[Prefix.Length..].Split('_');
        if (parts.Length != 3 || parts[0].Length == 0 || !AgentIds.IsWellFormed(parts[1]) || parts[2].Length != 40)
        {
            return false;
        }

        tenant = parts[0];
        agentId = parts[1];
        return true;
    }
}
