using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Runtime;

namespace Retenza.Grains.Tests;

/// <summary>
/// The interface versions silos advertise: during a rolling upgrade Orleans only moves a ticket off a silo running
/// older code when the caller asks for a newer interface version than that silo's.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainVersionTests(ClusterFixture fixture)
{
    [Fact]
    public void The_ticket_interface_is_advertised_at_the_version_that_added_OpenNew()
    {
        var manifest = fixture.SiloServices.GetRequiredService<IClusterManifestProvider>().Current;
        var ticket = GrainInterfaceType.Create("Retenza.ITicketGrain");

        var versions = manifest.Silos.Values
            .Select(silo => silo.Interfaces.TryGetValue(ticket, out var properties) ? properties.Properties.GetValueOrDefault(WellKnownGrainInterfaceProperties.Version) : null)
            .ToArray();

        Assert.NotEmpty(versions);
        Assert.All(versions, version => Assert.Equal("1", version));
    }
}
