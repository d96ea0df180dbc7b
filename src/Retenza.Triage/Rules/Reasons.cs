using System.Globalization;

namespace Retenza.Triage.Rules;

/// <summary>Builds reasons with invariant formatting, so the audit reads the same on every machine.</summary>
public static class Reasons
{
    public static TriageReason Create(string code, string rule, string detail, IEnumerable<string> evidence, params (string Key, string Value)[] inputs) =>
        new(code, rule, detail, [.. evidence], inputs.ToDictionary(input => input.Key, input => input.Value, StringComparer.Ordinal));

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An enum value as the API spells it: <c>HeldAtCustoms</c> → <c>held_at_customs</c>.</summary>
    public static string Snake(Enum value)
    {
        var name = value.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
