using Orleans.Configuration;
using Retenza.Hosting;

namespace Retenza.IntegrationTests.Cluster;

/// <summary>Silos shed idle activations under memory pressure unless told not to (see <see cref="ClusterSettings.ShedActivationsAbovePercent"/>).</summary>
public sealed class ActivationSheddingTests
{
    [Fact]
    public void By_default_a_silo_sheds_idle_activations_above_80_percent_of_its_memory()
    {
        var options = CollectionOptions(new ClusterSettings());

        Assert.True(options.EnableActivationSheddingOnMemoryPressure);
        Assert.Equal(80, options.MemoryUsageLimitPercentage);
        Assert.Equal(75, options.MemoryUsageTargetPercentage);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_limit_is_configurable_and_zero_turns_shedding_off(bool localMode)
    {
        var tuned = CollectionOptions(new ClusterSettings { ShedActivationsAbovePercent = 90 }, localMode);
        var off = CollectionOptions(new ClusterSettings { ShedActivationsAbovePercent = 0 }, localMode);

        Assert.True(tuned.EnableActivationSheddingOnMemoryPressure);
        Assert.Equal(90, tuned.MemoryUsageLimitPercentage);
        Assert.Equal(85, tuned.MemoryUsageTargetPercentage);
        Assert.False(off.EnableActivationSheddingOnMemoryPressure);
    }

    [Fact]
    public void A_tiny_limit_still_gets_a_target_below_it_and_above_zero()
    {
        var options = CollectionOptions(new ClusterSettings { ShedActivationsAbovePercent = 1 });

        Assert.Equal(1, options.MemoryUsageLimitPercentage);
        Assert.Equal(0.5, options.MemoryUsageTargetPercentage);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(150)]
    [InlineData(double.NaN)]
    public void A_limit_outside_0_to_100_stops_the_silo_with_the_setting_named(double percent)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CollectionOptions(new ClusterSettings { ShedActivationsAbovePercent = percent }));

        Assert.Contains("Retenza:Cluster:ShedActivationsAbovePercent", error.Message, StringComparison.Ordinal);
    }

    private static GrainCollectionOptions CollectionOptions(ClusterSettings cluster, bool localMode = false) =>
        SiloContainer.Options<GrainCollectionOptions>(cluster, localMode);
}
