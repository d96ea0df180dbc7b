using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization.Metadata;

namespace Retenza.Api.Infrastructure;

/// <summary>
/// Reads a JSON request body ourselves, so that size, media type and syntax errors each get a
/// precise problem-details answer instead of the framework's generic 400.
/// </summary>
public static partial class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, int maxBytes, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the message as 'Content-Type: application/json'."));
        }

        var (buffer, problem) = await BoundedBody.ReadAsync(request, maxBytes, "The request body must be a JSON object.", ct);
        if (problem is not null)
        {
            return (null, problem);
        }

        try
        {
            var value = JsonSerializer.Deserialize(buffer!.GetBuffer().AsSpan(0, (int)buffer.Length), typeInfo);
            return value is null
                ? (null, Problems.Create(StatusCodes.Status400BadRequest, "Malformed JSON", "The request body must be a JSON object, not null."))
                : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.Create(StatusCodes.Status400BadRequest, "Malformed JSON", Describe(e)));
        }
    }

    /// <summary>For endpoints whose body is optional: a declared length, or a chunked body sent as JSON.</summary>
    public static bool IsPresent(HttpRequest request) =>
        request.ContentLength is > 0 || (request.ContentLength is null && request.HasJsonContentType());

    /// <summary>Says where the JSON went wrong without leaking .NET type names to the caller.</summary>
    private static string Describe(JsonException e)
    {
        var unmapped = UnmappedProperty().Match(e.Message);
        if (unmapped.Success)
        {
            return $"Unknown field '{unmapped.Groups[1].Value}'.";
        }

        var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
        return string.IsNullOrEmpty(e.Path) || e.Path == "$"
            ? $"The body is not a valid JSON object{where}."
            : $"Invalid value at '{e.Path}'{where}.";
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();

}
