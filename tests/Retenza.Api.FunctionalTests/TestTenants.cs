using Retenza.Tenants;

namespace Retenza.Api.FunctionalTests;

public sealed record TestTenant(string Name, string PlatformKey, string AdminKey);

/// <summary>The tenants every <see cref="RetenzaApiFactory"/> knows.</summary>
public static class TestTenants
{
    public static readonly TestTenant Acme = new("acme", "acme-platform-key", "acme-admin-key");
    public static readonly TestTenant Globex = new("globex", "globex-platform-key", "globex-admin-key");

    /// <summary>Only the policy tests change initech's policy, so no other test's routing depends on their order.</summary>
    public static readonly TestTenant Initech = new("initech", "initech-platform-key", "initech-admin-key");

    public static readonly DateTimeOffset KeysCreatedAt = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static IEnumerable<(string Tenant, ApiKeyKind Kind, string Key)> AllKeys =>
        new[] { Acme, Globex, Initech }.SelectMany(t => new[] { (t.Name, ApiKeyKind.Platform, t.PlatformKey), (t.Name, ApiKeyKind.Admin, t.AdminKey) });
}
