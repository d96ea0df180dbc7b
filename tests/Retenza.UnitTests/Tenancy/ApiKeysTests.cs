using Retenza.Tenants;

namespace Retenza.UnitTests.Tenancy;

public sealed class ApiKeysTests
{
    [Fact]
    public void Generated_keys_are_random_prefixed_by_kind_and_hash_stably()
    {
        var platform = ApiKeys.Generate(ApiKeyKind.Platform);
        var admin = ApiKeys.Generate(ApiKeyKind.Admin);

        Assert.Matches("^rtz_plt_[0-9a-f]{40}$", platform);
        Assert.Matches("^rtz_adm_[0-9a-f]{40}$", admin);
        Assert.NotEqual(platform, ApiKeys.Generate(ApiKeyKind.Platform));
        Assert.Equal(ApiKeys.Hash(platform), ApiKeys.Hash(platform));
        Assert.Equal(64, ApiKeys.Hash(platform).Length);
        Assert.DoesNotContain(platform, ApiKeys.Hash(platform));
    }

    [Fact]
    public void Keys_are_stored_as_lower_case_hex_sha256() =>
        Assert.Equal("c48a01f49fd0f2cc404bc3cbbc80e91457a3d41bb429a695243de4c61794155c", ApiKeys.Hash("demo-key"));

    [Theory]
    [InlineData("platform", ApiKeyKind.Platform)]
    [InlineData(" Admin ", ApiKeyKind.Admin)]
    public void Kinds_parse(string text, ApiKeyKind kind)
    {
        Assert.True(ApiKeys.TryParseKind(text, out var parsed));
        Assert.Equal(kind, parsed);
    }

    [Fact]
    public void Unknown_kinds_do_not_parse() => Assert.False(ApiKeys.TryParseKind("agent", out _));

    [Theory]
    [InlineData("demo", true)]
    [InlineData("acme-2", true)]
    [InlineData("-acme", false)]
    [InlineData("Acme", false)]
    [InlineData("a/b", false)]
    [InlineData("", false)]
    public void Tenant_names_are_safe_as_grain_key_prefixes(string name, bool valid) =>
        Assert.Equal(valid, ApiKeys.IsValidTenantName(name));
}
