namespace Retenza.Api.FunctionalTests;

/// <summary>/health (liveness, no dependencies) and /ready (the cluster answers): no key needed.</summary>
[Collection(ApiCollection.Name)]
public sealed class HealthTests(RetenzaApiFactory factory)
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/ready")]
    public async Task Probe_answers_200_healthy_without_a_key(string path)
    {
        var response = await factory.ClientFor(null).GetAsync(path);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_ignores_a_bad_key()
    {
        // A probe configured with a stale key must not make a live node look dead.
        var response = await factory.ClientFor("not-a-real-key").GetAsync("/health");

        Assert.Equal(200, (int)response.StatusCode);
    }
}
