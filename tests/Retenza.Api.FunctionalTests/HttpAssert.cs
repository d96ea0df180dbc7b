using System.Net;
using System.Text.Json;

namespace Retenza.Api.FunctionalTests;

public static class HttpAssert
{
    /// <summary>Asserts the status and a JSON body, and returns the body.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return Parse(text);
    }

    /// <summary>Asserts an RFC 9457 problem: status code, media type and the body's status field agree.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = Parse(text);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>A problem with a known title and detail.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status, string title, string detail)
    {
        var problem = await ProblemAsync(response, status);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        return problem;
    }

    /// <summary>A 400 validation problem; returns its errors keyed by field.</summary>
    public static async Task<Dictionary<string, string[]>> ValidationProblemAsync(HttpResponseMessage response, string title)
    {
        var problem = await ProblemAsync(response, (int)HttpStatusCode.BadRequest);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        return problem.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static string[] PropertyNames(this JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    public static string[] Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
