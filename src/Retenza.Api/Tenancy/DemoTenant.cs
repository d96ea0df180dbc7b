namespace Retenza.Api.Tenancy;

/// <summary>Local mode's seeded tenant ("Retenza:Demo"). Its default keys are public, hence never allowed in cluster mode.</summary>
public sealed class DemoTenant
{
    public const string SectionName = "Retenza:Demo";
    public const string DefaultPlatformKey = "demo-key";
    public const string DefaultAdminKey = "demo-admin-key";

    public string Tenant { get; set; } = "demo";

    public string PlatformKey { get; set; } = DefaultPlatformKey;

    public string AdminKey { get; set; } = DefaultAdminKey;
}
