namespace Retenza.Api.FunctionalTests;

/// <summary>Requests that match no endpoint still answer with problem details.</summary>
[Collection(ApiCollection.Name)]
public sealed class RoutingTests(RetenzaApiFactory factory)
{
    [Fact]
    public async Task Unknown_path_is_404_problem()
    {
        var response = await factory.ClientFor(TestTenants.Acme.PlatformKey).GetAsync("/v1/no-such-thing");

        await HttpAssert.ProblemAsync(response, 404);
    }

    [Fact]
    public async Task Wrong_method_is_405_problem()
    {
        var response = await factory.ClientFor(TestTenants.Acme.PlatformKey).GetAsync("/v1/messages");

        await HttpAssert.ProblemAsync(response, 405);
    }
}
