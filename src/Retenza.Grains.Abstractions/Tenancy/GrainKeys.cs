using System.Security.Cryptography;
using System.Text;

namespace Retenza.Tenancy;

/// <summary>
/// Grain keys are "tenant/id". Ids carry a type prefix (tkt-, cus-) because Orleans' ADO.NET
/// storage parses all-hex string keys as integers, and the prefix also makes ids self-describing.
/// </summary>
public static class GrainKeys
{
    public static string Compose(string tenant, string id) => $"{tenant}/{id}";

    public static (string Tenant, string Id) Split(string key)
    {
        var slash = key.IndexOf('/');
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new ArgumentException($"Grain key '{key}' is not of the form tenant/id.", nameof(key));
        }

        return (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>
    /// A stable id derived from its natural key. Deterministic ids are what make ingest idempotent
    /// without an index: a retried message lands on the same ticket grain, which already holds it.
    /// </summary>
    public static string Derive(string prefix, string tenant, string naturalKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{tenant}\n{naturalKey}"), hash);
        return prefix + Base32(hash[..15]); // 120 bits: collisions are not a practical concern.
    }

    /// <summary>An id as Derive makes them (prefix, then letters, digits and '-'), so a malformed id never reaches a grain.</summary>
    public static bool IsWellFormed(string prefix, string id) =>
        id.StartsWith(prefix, StringComparison.Ordinal) && id.Length > prefix.Length && id.Length <= 64
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var chars = new char[bytes.Length * 8 / 5];
        int buffer = 0, bits = 0, index = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        return new string(chars, 0, index);
    }
}
