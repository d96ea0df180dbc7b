using Microsoft.Extensions.DependencyInjection;
using Retenza.Grains.Policy;
using Retenza.Policy;
using Retenza.Triage.Policy;

namespace Retenza.Grains.Tests.Policy;

[Collection(ClusterCollection.Name)]
public sealed class PolicyGrainTests(ClusterFixture fixture)
{
    private readonly string _tenant = $"policy-{Guid.NewGuid():N}";

    private IPolicyGrain Grain => fixture.Grains.GetGrain<IPolicyGrain>(PolicyKeys.For(_tenant));

    [Fact]
    public async Task Versions_are_numbered_and_kept()
    {
        Assert.Equal(TriagePolicy.Default.Version, (await Grain.Get()).Version);

        var first = await Grain.Put(TriagePolicy.Default with { HighThreshold = 0.95 }, null, "ops");
        var second = await Grain.Put(TriagePolicy.Default with { HighThreshold = 0.97 }, "v1", "ops");

        Assert.Equal(PolicyUpdateOutcome.Stored, first.Outcome);
        Assert.Equal("v1", first.Current.Version);
        Assert.Equal("v2", second.Current.Version);
        Assert.Equal(0.97, (await Grain.Get()).HighThreshold);
        Assert.Equal(0.95, (await Grain.GetVersion("v1"))!.HighThreshold);
        Assert.Equal(["v2", "v1"], (await Grain.Versions()).Select(v => v.Version));
    }

    [Fact]
    public async Task A_stale_expected_version_or_an_invalid_policy_stores_nothing()
    {
        await Grain.Put(TriagePolicy.Default, null, "ops");
        var id = Grain.GetGrainId();
        var writes = fixture.Storage.Writes("policy", id);

        var stale = await Grain.Put(TriagePolicy.Default with { HighThreshold = 0.5 }, "v0", "ops");
        var invalid = await Grain.Put(TriagePolicy.Default with { MediumThreshold = 2 }, null, "ops");

        Assert.Equal(PolicyUpdateOutcome.VersionConflict, stale.Outcome);
        Assert.Equal(PolicyUpdateOutcome.Invalid, invalid.Outcome);
        Assert.Contains(invalid.Errors, e => e.StartsWith("mediumThreshold"));
        Assert.Equal(1, writes);
        Assert.Equal(writes, fixture.Storage.Writes("policy", id));
        Assert.Equal("v1", (await Grain.Get()).Version);
    }

    [Fact]
    public async Task Silos_see_a_change_once_their_cached_copy_expires()
    {
        var cache = fixture.SiloServices.GetRequiredService<TenantPolicyCache>();
        Assert.Equal(TriagePolicy.Default.Version, (await cache.GetAsync(_tenant)).Version);

        await Grain.Put(TriagePolicy.Default with { HighThreshold = 0.99 }, null, "ops");
        Assert.Equal(TriagePolicy.Default.Version, (await cache.GetAsync(_tenant)).Version);

        ClusterFixture.Clock.Advance(TenantPolicyCache.Lifetime);
        Assert.Equal("v1", (await cache.GetAsync(_tenant)).Version);
    }
}
