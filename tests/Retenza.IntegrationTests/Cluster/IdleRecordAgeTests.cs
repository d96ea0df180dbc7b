using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Metadata;
using Retenza.Grains.Customers;
using Retenza.Grains.Orders;
using Retenza.Grains.Policy;
using Retenza.Grains.Tickets;
using Retenza.Hosting;

namespace Retenza.IntegrationTests.Cluster;

/// <summary>Ticket, customer and order grains leave memory soon after their last call (see <see cref="ClusterSettings.KeepIdleRecordsFor"/>).</summary>
public sealed class IdleRecordAgeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Per_email_and_per_sender_grains_are_collected_after_two_idle_minutes_others_after_orleans_fifteen(bool localMode)
    {
        using var host = SiloContainer.Build(new ClusterSettings(), localMode);

        Assert.Equal(TimeSpan.FromMinutes(2), AgeOf<TicketGrain>(host));
        Assert.Equal(TimeSpan.FromMinutes(2), AgeOf<CustomerGrain>(host));
        Assert.Equal(TimeSpan.FromMinutes(2), AgeOf<CustomerIndexPageGrain>(host));
        Assert.Equal(TimeSpan.FromMinutes(2), AgeOf<OrderGrain>(host));
        Assert.Equal(TimeSpan.FromMinutes(15), AgeOf<PolicyGrain>(host));
    }

    [Fact]
    public void The_age_is_configurable()
    {
        using var host = SiloContainer.Build(new ClusterSettings { KeepIdleRecordsFor = TimeSpan.FromMinutes(30) });

        Assert.Equal(TimeSpan.FromMinutes(30), AgeOf<TicketGrain>(host));
        Assert.Equal(TimeSpan.FromMinutes(30), AgeOf<OrderGrain>(host));
    }

    [Fact]
    public void An_age_below_orleans_collection_interval_stops_the_silo_with_the_setting_named()
    {
        using var host = SiloContainer.Build(new ClusterSettings { KeepIdleRecordsFor = TimeSpan.FromSeconds(10) });

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AgeOf<TicketGrain>(host));
        Assert.Contains("Retenza:Cluster:KeepIdleRecordsFor", error.Message, StringComparison.Ordinal);
    }

    // What Orleans itself will apply to an activation of the grain class: its shared per-type context.
    private static TimeSpan AgeOf<TGrain>(IHost host)
    {
        var grainType = host.Services.GetRequiredService<GrainTypeResolver>().GetGrainType(typeof(TGrain));
        return host.Services.GetRequiredService<GrainTypeSharedContextResolver>().GetComponents(grainType).CollectionAgeLimit;
    }
}
