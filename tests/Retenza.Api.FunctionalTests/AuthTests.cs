namespace Retenza.Api.FunctionalTests;

/// <summary>Bearer tenant API keys: who gets in, and what a refusal looks like.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuthTests(RetenzaApiFactory factory)
{
    private const string NoKeyDetail = "Send the tenant API key as 'Authorization: Bearer <key>'.";
    private const string BadSchemeDetail = "The Authorization header must be 'Bearer <api key>'.";
    private const string UnknownKeyDetail = "Unknown API key.";

    /// <summary>Every endpoint that needs a key.</summary>
    public static TheoryData<string, string> ProtectedEndpoints => new()
    {
        { "POST", "/v1/messages" },
        { "GET", "/v1/tickets/tkt-aaaaaaaaaaaaaaaaaaaaaaaa" },
        { "GET", "/v1/customers/cus-aaaaaaaaaaaaaaaaaaaaaaaa" },
        { "GET", "/v1/customers/by-email/someone@shop.test" },
        { "GET", "/v1/customers?email=someone@shop.test" },
        { "GET", "/v1/tenant" },
    };

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task No_authorization_header_is_401_with_bearer_challenge(string method, string path)
    {
        var response = await Send(factory.ClientFor(null), method, path);

        await AssertUnauthorizedAsync(response, NoKeyDetail);
    }

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Unknown_key_is_401(string method, string path)
    {
        var response = await Send(factory.ClientFor("not-a-real-key"), method, path);

        await AssertUnauthorizedAsync(response, UnknownKeyDetail);
    }

    [Theory]
    [InlineData("Basic YWNtZTphY21lLXBsYXRmb3JtLWtleQ==", BadSchemeDetail)]
    [InlineData("acme-platform-key", BadSchemeDetail)]          // the key without a scheme
    [InlineData("Bearer", BadSchemeDetail)]                     // the scheme without a key
    [InlineData("Token acme-platform-key", BadSchemeDetail)]
    [InlineData("Bearer ACME-PLATFORM-KEY", UnknownKeyDetail)]  // keys are case-sensitive
    [InlineData("Bearer acme-platform-key-", UnknownKeyDetail)]
    public async Task Malformed_or_wrong_authorization_is_401(string authorization, string detail)
    {
        var client = factory.ClientFor(null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.GetTicketAsync("tkt-aaaaaaaaaaaaaaaaaaaaaaaa");

        await AssertUnauthorizedAsync(response, detail);
    }

    [Fact]
    public async Task Bearer_scheme_is_case_insensitive()
    {
        var client = factory.ClientFor(null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "bearer " + TestTenants.Acme.PlatformKey);

        var response = await client.GetTicketAsync("tkt-aaaaaaaaaaaaaaaaaaaaaaaa");

        // Authenticated: the answer is about the ticket, not the key.
        await HttpAssert.ProblemAsync(response, 404, "Not found", "No ticket with that id exists for this tenant.");
    }

    [Fact]
    public async Task Rejected_request_stores_nothing()
    {
        var message = TestMessages.Valid();

        await AssertUnauthorizedAsync(await factory.ClientFor("not-a-real-key").PostMessageAsync(message), UnknownKeyDetail);

        await factory.ClientFor(TestTenants.Acme.PlatformKey).AssertNothingStoredAsync(TestTenants.Acme.Name, message.MessageId(), message.FromEmail());
    }

    [Theory]
    [InlineData(null, "text/plain", 401)]
    [InlineData(null, "text/html", 401)]
    [InlineData("acme-platform-key", "text/plain", 403)]
    public async Task Client_that_does_not_accept_json_still_gets_the_auth_status(string? key, string accept, int status)
    {
        var client = factory.ClientFor(key);
        client.DefaultRequestHeaders.Accept.ParseAdd(accept);

        var response = await client.GetAsync("/v1/tenant");

        Assert.Equal(status, (int)response.StatusCode);
        if (status == 401)
        {
            Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        }
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response, string detail)
    {
        await HttpAssert.ProblemAsync(response, 401, "Authentication required", detail);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string path) =>
        method == "POST" ? client.PostMessageAsync(TestMessages.Valid()) : client.GetAsync(path);
}
