using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Retenza.Tenants;

public static partial class ApiKeys
{
    /// <summary>A new random key; the prefix tells a leaked key's kind at a glance (and to secret scanners).</summary>
    public static string Generate(ApiKeyKind kind)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        return $"rtz_{(kind == ApiKeyKind.Admin ? "adm" : "plt")}_{secret}";
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Safe to show and log: enough to tell keys apart, useless to an attacker.</summary>
    public static string Fingerprint(string keyHash) => keyHash[..12];

    public static string KindName(ApiKeyKind kind) => kind == ApiKeyKind.Admin ? "admin" : "platform";

    public static bool TryParseKind(string value, out ApiKeyKind kind)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "platform":
                kind = ApiKeyKind.Platform;
                return true;
            case "admin":
                kind = ApiKeyKind.Admin;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    /// <summary>Tenant names become the first segment of grain keys ("tenant/id"), so no slash and nothing exotic.</summary>
    public static bool IsValidTenantName(string name) => TenantName().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex TenantName();
}
