using Microsoft.AspNetCore.Hosting;

namespace Retenza.Api.FunctionalTests;

/// <summary>
/// The API with tiny customer bounds (Retenza:CustomerMemory), so a handful of messages exceeds the kept
/// history and the index pages are exercised without sending hundreds.
/// </summary>
public sealed class SmallMemoryFactory : RetenzaApiFactory
{
    public const int MaxContacts = 3;
    public const int MaxTickets = 2;
    public const int MaxOrders = 1;
    public const int IndexPageSize = 2;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Retenza:CustomerMemory:MaxContacts", MaxContacts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Retenza:CustomerMemory:MaxTickets", MaxTickets.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Retenza:CustomerMemory:MaxOrders", MaxOrders.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Retenza:CustomerMemory:IndexPageSize", IndexPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

[CollectionDefinition(Name)]
public sealed class SmallMemoryCollection : ICollectionFixture<SmallMemoryFactory>
{
    public const string Name = "Small customer memory";
}
