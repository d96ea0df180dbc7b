using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Retenza.Api.FunctionalTests;

/// <summary>A misconfigured node must refuse to start rather than serve with a nonsensical limit.</summary>
public sealed class StartupValidationTests
{
    [Fact]
    public void Zero_body_limit_stops_startup()
    {
        using var factory = new LimitFactory("0");

        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains("Retenza:Api:MaxMessageBytes must be positive.", error.Failures);
    }

    private sealed class LimitFactory(string limit) : RetenzaApiFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder) =>
            builder.UseSetting("Retenza:Api:MaxMessageBytes", limit);
    }
}
