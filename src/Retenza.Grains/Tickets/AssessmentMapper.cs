using Retenza.Tickets;
using Retenza.Triage;

namespace Retenza.Grains.Tickets;

/// <summary>Triage stays free of Orleans; this turns its answer into the serializable record the ticket stores.</summary>
internal static class AssessmentMapper
{
    public static Assessment ToAssessment(TriageResult result, DateTimeOffset at) => new(
        result.Summary,
        ToRoute(result.Route),
        result.Queue,
        result.Priority,
        result.Reasons.Select(r => new Reason(r.Code, r.Rule, r.Detail, r.Evidence.ToArray(), new Dictionary<string, string>(r.Inputs))).ToArray(),
        result.ModelVersion,
        result.PolicyVersion,
        at)
    {
        Details = result.Assessment,
    };

    private static Route ToRoute(TriageRoute route) => route switch
    {
        TriageRoute.Auto => Route.Auto,
        TriageRoute.Review => Route.Review,
        TriageRoute.Escalate => Route.Escalate,
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };
}
