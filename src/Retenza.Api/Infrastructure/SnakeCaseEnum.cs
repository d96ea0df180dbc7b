using System.Text.Json;

namespace Retenza.Api.Infrastructure;

/// <summary>Enum members by their snake_case names, as the API and stored data spell them.</summary>
public static class SnakeCaseEnum
{
    public static IReadOnlyList<string> Names<T>()
        where T : struct, Enum => Enum.GetValues<T>().Select(Name).ToArray();

    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Exact snake_case names only: "PartiallyDelivered", "partially-delivered" and numbers are refused.</summary>
    public static bool TryParse<T>(string value, out T result)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Name(candidate) == value)
            {
                result = candidate;
                return true;
            }
        }

        result = default;
        return false;
    }
}
