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
        var result = await _default.TriageAsync(request, cancellationToken);

        // "prio:N" anywhere sets the priority, so queue-order tests can mix priorities.
        var prio = request.Text.IndexOf("prio:", StringComparison.Ordinal);
        if (prio >= 0)
        {
            result = result with { Priority = request.Text[prio + 5] - '0' };
        }

        return request.Text switch
        {
            var t when t.StartsWith("route:auto", StringComparison.Ordinal) => result with { Route = TriageRoute.Auto, Queue = null, Reasons = [] },
            var t when t.StartsWith("route:review", StringComparison.Ordinal) => result with { Route = TriageRoute.Review, Queue = "review", Reasons = [] },
            _ => result,
        };
    }
}
