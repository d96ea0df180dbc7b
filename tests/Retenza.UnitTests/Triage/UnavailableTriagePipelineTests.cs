using Retenza.Triage;

namespace Retenza.UnitTests.Triage;

public sealed class UnavailableTriagePipelineTests
{
    private static TriageRequest Request(string subject, string text) =>
        new("demo", "m1", "ana@example.com", subject, text, null, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Without_a_model_every_message_goes_to_a_human_with_an_honest_reason()
    {
        var result = await new UnavailableTriagePipeline().TriageAsync(Request("Broken vase", "It arrived broken."));

        Assert.Equal(TriageRoute.Escalate, result.Route);
        Assert.Equal("escalations", result.Queue);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal("triage_unavailable", reason.Code);
        Assert.Equal("Customer wrote: Broken vase", result.Summary);
        Assert.Equal("none", result.ModelVersion);
    }

    [Fact]
    public async Task The_summary_falls_back_to_the_body_and_stays_one_short_line()
    {
        var result = await new UnavailableTriagePipeline().TriageAsync(Request("  ", "word\n\n" + string.Join(' ', Enumerable.Repeat("long", 60))));

        Assert.StartsWith("Customer wrote: word long long", result.Summary);
        Assert.EndsWith("...", result.Summary);
        Assert.Equal("Customer wrote: ".Length + 120, result.Summary.Length);
    }
}
