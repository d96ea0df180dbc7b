using Retenza.Triage;

namespace Retenza.Grains.Tests;

/// <summary>
/// Lets a test choose the route by starting the text with "route:auto" or "route:review";
/// anything else gets the real default pipeline, so its behaviour is what the other tests see.
/// </summary>
public sealed class ScriptedTriagePipeline : ITriagePipeline
{
    private readonly UnavailableTriagePipeline _default = new();

    public async ValueTask<TriageResult> TriageAsync(TriageRequest request, CancellationToken cancellationToken = default)
    {
        // The assessment carries the customer context it was given, so tests can see what history triage read.
        var result = await _default.TriageAsync(request, cancellationToken) is var placeholder
            ? placeholder with { Assessment = new TriageAssessment(placeholder.Summary, null, "en", null, Retenza.Triage.Orders.OrderLookup.None, request.Customer, null, null, []) }
            : null!;
        return request.Text switch
        {
            var t when t.StartsWith("route:auto", StringComparison.Ordinal) => result with { Route = TriageRoute.Auto, Queue = null, Reasons = [] },
            var t when t.StartsWith("route:review", StringComparison.Ordinal) => result with { Route = TriageRoute.Review, Queue = "review", Reasons = [] },
            _ => result,
        };
    }
}
