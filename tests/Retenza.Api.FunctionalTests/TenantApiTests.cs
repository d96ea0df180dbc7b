using System.Security.Cryptography;
using System.Text;

namespace Retenza.Api.FunctionalTests;

/// <summary>GET /v1/tenant: admin keys only; shows key fingerprints, never keys.</summary>
[Collection(ApiCollection.Name)]
public sealed class TenantApiTests(RetenzaApiFactory factory)
{
    public static TheoryData<string> Tenants => new("acme", "globex");

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Admin_key_sees_its_tenant_and_key_fingerprints(string name)
    {
        var tenant = name == "acme" ? TestTenants.Acme : TestTenants.Globex;

        var response = await factory.ClientFor(tenant.AdminKey).GetAsync("/v1/tenant");

        var body = await HttpAssert.JsonAsync(response, 200);
        Assert.Equal(["name", "keys"], body.PropertyNames());
        Assert.Equal(tenant.Name, body.GetProperty("name").GetString());
        var keys = body.GetProperty("keys").EnumerateArray().ToArray();
        Assert.Equal(["platform", "admin"], keys.Select(k => k.GetProperty("kind").GetString()));
        Assert.Equal([Fingerprint(tenant.PlatformKey), Fingerprint(tenant.AdminKey)], keys.Select(k => k.GetProperty("fingerprint").GetString()));
        Assert.All(keys, k => Assert.Equal(TestTenants.KeysCreatedAt, k.GetProperty("createdAt").GetDateTimeOffset()));
        Assert.All(keys, k => Assert.Equal(["kind", "fingerprint", "createdAt"], k.PropertyNames()));

        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(tenant.PlatformKey, raw);
        Assert.DoesNotContain(tenant.AdminKey, raw);
    }

    [Fact]
    public async Task Platform_key_is_403()
    {
        var response = await factory.ClientFor(TestTenants.Acme.PlatformKey).GetAsync("/v1/tenant");

        await HttpAssert.ProblemAsync(response, 403, "Forbidden", "This key's role may not call this endpoint.");
    }

    /// <summary>Computed independently of the API: the first 12 hex digits of the key's SHA-256.</summary>
    private static string Fingerprint(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];
}
