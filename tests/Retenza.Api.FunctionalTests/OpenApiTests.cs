namespace Retenza.Api.FunctionalTests;

/// <summary>The OpenAPI document and its browsable UI.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiTests(RetenzaApiFactory factory)
{
    [Fact]
    public async Task Document_lists_every_v1_operation()
    {
        var response = await factory.ClientFor(null).GetAsync("/openapi/v1.json");

        var document = await HttpAssert.JsonAsync(response, 200);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .Order()
            .ToArray();
        Assert.Equal(
            [
                "DELETE /v1/agents/me/session",
                "DELETE /v1/customers/{id}",
                "GET /v1/agents/me",
                "GET /v1/agents/me/claims",
                "GET /v1/agents/{id}",
                "GET /v1/analytics/auto-send",
                "GET /v1/customers",
                "GET /v1/customers/by-email/{email}",
                "GET /v1/customers/{id}",
                "GET /v1/customers/{id}/export",
                "GET /v1/orders/{orderId}",
                "GET /v1/outcomes",
                "GET /v1/policy",
                "GET /v1/policy/versions",
                "GET /v1/policy/versions/{version}",
                "GET /v1/queues",
                "GET /v1/queues/{name}",
                "GET /v1/tenant",
                "GET /v1/tickets/{id}",
                "GET /v1/tickets/{id}/briefing",
                "POST /v1/agents",
                "POST /v1/agents/me/claims",
                "POST /v1/agents/me/heartbeat",
                "POST /v1/agents/me/session",
                "POST /v1/agents/{id}/token",
                "POST /v1/messages",
                "POST /v1/tickets/{id}/claim",
                "POST /v1/tickets/{id}/feedback",
                "POST /v1/tickets/{id}/release",
                "POST /v1/tickets/{id}/reply",
                "POST /v1/tickets/{id}/transfer",
                "POST /v1/triage/preview",
                "PUT /v1/customers/by-email/{email}",
                "PUT /v1/orders/{orderId}",
                "PUT /v1/policy",
            ],
            operations);
        var ingest = paths.GetProperty("/v1/messages").GetProperty("post");
        Assert.Equal(["200", "201", "400", "409", "413", "415"], ingest.GetProperty("responses").PropertyNames().Order());
        Assert.True(ingest.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(ingest.GetProperty("requestBody").GetProperty("content").TryGetProperty("message/rfc822", out _));
    }

    [Fact]
    public async Task Document_declares_the_bearer_key_for_every_operation()
    {
        var document = await HttpAssert.JsonAsync(await factory.ClientFor(null).GetAsync("/openapi/v1.json"), 200);

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject()
            .Where(s => s.Value.GetProperty("type").GetString() == "http" && s.Value.GetProperty("scheme").GetString() == "bearer")
            .Select(s => s.Name);
        var name = Assert.Single(bearer);
        Assert.Contains(document.GetProperty("security").EnumerateArray(), requirement => requirement.TryGetProperty(name, out _));
    }

    [Fact]
    public async Task Browsable_reference_is_served()
    {
        var response = await factory.ClientFor(null).GetAsync("/scalar/v1");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync());
    }
}
