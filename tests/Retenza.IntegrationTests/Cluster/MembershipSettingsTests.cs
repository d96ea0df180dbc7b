using Orleans.Configuration;
using Retenza.Hosting;

namespace Retenza.IntegrationTests.Cluster;

/// <summary>Failure detection is tunable per deployment; unset values keep Orleans' defaults.</summary>
public sealed class MembershipSettingsTests
{
    [Fact]
    public void Configured_probe_settings_reach_the_silo()
    {
        var options = MembershipOptions(new ClusterSettings
        {
            ProbeTimeout = TimeSpan.FromSeconds(2),
            ExtendProbeTimeoutDuringDegradation = false,
            NumVotesForDeathDeclaration = 1,
        });

        Assert.Equal(TimeSpan.FromSeconds(2), options.ProbeTimeout);
        Assert.False(options.ExtendProbeTimeoutDuringDegradation);
        Assert.Equal(1, options.NumVotesForDeathDeclaration);
    }

    [Fact]
    public void Unset_probe_settings_keep_the_orleans_defaults()
    {
        var defaults = new ClusterMembershipOptions();

        var options = MembershipOptions(new ClusterSettings());

        Assert.Equal(defaults.ProbeTimeout, options.ProbeTimeout);
        Assert.Equal(defaults.ExtendProbeTimeoutDuringDegradation, options.ExtendProbeTimeoutDuringDegradation);
        Assert.Equal(defaults.NumVotesForDeathDeclaration, options.NumVotesForDeathDeclaration);
    }

    private static ClusterMembershipOptions MembershipOptions(ClusterSettings cluster) =>
        SiloContainer.Options<ClusterMembershipOptions>(cluster);
}
