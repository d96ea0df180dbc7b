using Microsoft.AspNetCore.Hosting;

namespace Retenza.Api.FunctionalTests;

/// <summary>
/// Local mode as an operator configures it: its own demo tenant and keys (Retenza:Demo, read while
/// Program builds) and a small body limit, with Program's own tenant directory left in place.
/// </summary>
public sealed class ConfiguredLocalModeFactory : RetenzaApiFactory
{
    public const int MaxMessageBytes = 1024;
    public const string Tenant = "local";
    public const string PlatformKey = "local-platform-key";
    public const string AdminKey = "local-admin-key";

    protected override bool ReplaceTenantDirectory => false;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Retenza:Api:MaxMessageBytes", MaxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Retenza:Demo:Tenant", Tenant);
        builder.UseSetting("Retenza:Demo:PlatformKey", PlatformKey);
        builder.UseSetting("Retenza:Demo:AdminKey", AdminKey);
    }
}

[CollectionDefinition(Name)]
public sealed class ConfiguredLocalModeCollection : ICollectionFixture<ConfiguredLocalModeFactory>
{
    public const string Name = "Configured local mode";
}
