using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Retenza.Api.FunctionalTests.Policy;

/// <summary>GET/PUT /v1/policy: versioned, validated, admin only, per tenant.</summary>
[Collection(ApiCollection.Name)]
public sealed class PolicyApiTests(RetenzaApiFactory factory)
{
    private HttpClient Admin => factory.ClientFor(TestTenants.Initech.AdminKey);

    [Fact]
    public async Task A_tenant_starts_on_the_default_policy()
    {
        var response = await factory.ClientFor(TestTenants.Globex.AdminKey).GetAsync("/v1/policy");

        var body = await HttpAssert.JsonAsync(response, 200);
        Assert.Equal("default-2", body.GetProperty("version").GetString());
        Assert.Equal(0.95, body.GetProperty("highThreshold").GetDouble());
        Assert.Equal("\"default-2\"", response.Headers.ETag?.Tag);
        Assert.Equal("escalate", body.GetProperty("reasonRoutes").GetProperty("legal_threat").GetProperty("ceiling").GetString());
        Assert.Contains("legal_threat", body.GetProperty("humanOnlyIntents").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Put_stores_a_new_version_and_keeps_the_history()
    {
        var before = await HttpAssert.JsonAsync(await Admin.GetAsync("/v1/policy"), 200);

        var response = await Put(Admin, """{"highThreshold": 0.95, "mediumThreshold": 0.7, "highValueAmount": 750}""");

        var stored = await HttpAssert.JsonAsync(response, 200);
        var version = stored.GetProperty("version").GetString()!;
        Assert.NotEqual(before.GetProperty("version").GetString(), version);
        Assert.Matches("^v[0-9]+$", version);
        Assert.Equal(0.95, stored.GetProperty("highThreshold").GetDouble());
        Assert.Equal(750, stored.GetProperty("highValueAmount").GetDecimal());
        Assert.Equal("5s", response.Headers.GetValues("Retenza-Effective-Within").Single());

        var current = await HttpAssert.JsonAsync(await Admin.GetAsync("/v1/policy"), 200);
        Assert.Equal(version, current.GetProperty("version").GetString());

        var versions = await HttpAssert.JsonAsync(await Admin.GetAsync("/v1/policy/versions"), 200);
        var newest = versions.EnumerateArray().First();
        Assert.Equal(version, newest.GetProperty("version").GetString());
        Assert.Equal("admin-key", newest.GetProperty("actor").GetString());

        var old = await HttpAssert.JsonAsync(await Admin.GetAsync($"/v1/policy/versions/{version}"), 200);
        Assert.Equal(0.95, old.GetProperty("highThreshold").GetDouble());
    }

    [Fact]
    public async Task If_match_with_a_stale_version_is_412_and_changes_nothing()
    {
        var current = await HttpAssert.JsonAsync(await Admin.GetAsync("/v1/policy"), 200);

        var response = await Put(Admin, """{"highThreshold": 0.99}""", ifMatch: "\"v999\"");

        await HttpAssert.ProblemAsync(response, 412);
        var after = await HttpAssert.JsonAsync(await Admin.GetAsync("/v1/policy"), 200);
        Assert.Equal(current.GetProperty("version").GetString(), after.GetProperty("version").GetString());
    }

    [Fact]
    public async Task If_match_with_the_current_version_succeeds()
    {
        var current = await Admin.GetAsync("/v1/policy");

        var response = await Put(Admin, """{"mediumThreshold": 0.55}""", ifMatch: current.Headers.ETag!.Tag);

        await HttpAssert.JsonAsync(response, 200);
    }

    [Fact]
    public async Task An_invalid_policy_is_400_naming_every_problem_and_changes_nothing()
    {
        var current = await HttpAssert.JsonAsync(await Admin.GetAsync("/v1/policy"), 200);

        var response = await Put(Admin, """{"highThreshold": 0.5, "mediumThreshold": 0.8, "autoSendIntents": ["legal_threat"], "homeCountry": "usa"}""");

        var problem = await HttpAssert.ProblemAsync(response, 400);
        var errors = problem.GetProperty("errors").GetProperty("policy").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Contains(errors, e => e.Contains("mediumThreshold must not exceed highThreshold"));
        Assert.Contains(errors, e => e.Contains("'legal_threat' is a human-only intent"));
        Assert.Contains(errors, e => e.StartsWith("homeCountry"));
        var after = await HttpAssert.JsonAsync(await Admin.GetAsync("/v1/policy"), 200);
        Assert.Equal(current.GetProperty("version").GetString(), after.GetProperty("version").GetString());
    }

    [Theory]
    [InlineData("""{"highThreshold": 0.9, "autoSend": true}""", "autoSend")]
    [InlineData("""{"highThreshold": "high"}""", "highThreshold")]
    [InlineData("""{"reasonRoutes": {"legal_threat": {"ceiling": "never", "queue": "risk", "priority": 1}}}""", "ceiling")]
    public async Task Malformed_or_unknown_fields_are_400(string body, string named)
    {
        var problem = await HttpAssert.ProblemAsync(await Put(Admin, body), 400);

        Assert.Contains(named, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Policy_is_admin_only()
    {
        await HttpAssert.ProblemAsync(await factory.ClientFor(TestTenants.Initech.PlatformKey).GetAsync("/v1/policy"), 403);
        await HttpAssert.ProblemAsync(await Put(factory.ClientFor(TestTenants.Initech.PlatformKey), "{}"), 403);
        await HttpAssert.ProblemAsync(await factory.ClientFor(null).GetAsync("/v1/policy"), 401);
    }

    [Fact]
    public async Task One_tenants_policy_is_invisible_to_another()
    {
        var stored = await HttpAssert.JsonAsync(await Put(Admin, """{"homeCountry": "DE"}"""), 200);
        var version = stored.GetProperty("version").GetString();

        var acme = await HttpAssert.JsonAsync(await factory.ClientFor(TestTenants.Acme.AdminKey).GetAsync("/v1/policy"), 200);
        Assert.NotEqual("DE", acme.GetProperty("homeCountry").GetString());
        await HttpAssert.ProblemAsync(await factory.ClientFor(TestTenants.Acme.AdminKey).GetAsync($"/v1/policy/versions/{version}"), 404);
    }

    [Fact]
    public async Task Unknown_version_is_404() =>
        await HttpAssert.ProblemAsync(await Admin.GetAsync("/v1/policy/versions/v424242"), 404);

    private static Task<HttpResponseMessage> Put(HttpClient client, string json, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/v1/policy") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return client.SendAsync(request);
    }
}
