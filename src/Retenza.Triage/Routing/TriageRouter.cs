using Retenza.Triage.Drafts;
using Retenza.Triage.Policy;
using Retenza.Triage.Rules;

namespace Retenza.Triage.Routing;

/// <summary>
/// Maps confidence and reasons to auto / review / escalate, a queue and a priority (SPEC §4).
/// <list type="number">
/// <item>The router adds its own reasons: <c>draft_check_failed</c> (no draft, or a check failed),
/// <c>low_confidence</c> (below the medium threshold), <c>auto_send_disabled</c> (confident enough
/// to send, but the policy does not let this intent auto-send; or the draft itself says a person
/// will follow up), and the intent's own code when the intent is human-only and no rule reported it.</item>
/// <item>Each reason's policy route gives a ceiling: the most automatic route it allows.</item>
/// <item>The confidence gives a band: ≥ the intent's high threshold → auto, ≥ medium → review, else escalate.</item>
/// <item>The route is the strictest of the band and every ceiling. A human-only intent or code is
/// never auto, whatever the policy says.</item>
/// <item>Queue: among the reasons whose ceiling is the route, the highest priority wins, then the
/// queue with the shortest SLA in the policy, then the queue name (ordinal), so the choice never
/// depends on reason order. With no such reason, review goes to <c>review</c> and escalate to
/// <c>escalations</c>. Auto has no queue.</item>
/// <item>Priority: the highest priority of any reason, 0 without one.</item>
/// </list>
/// </summary>
public sealed class TriageRouter
{
    public const string ReviewQueue = "review";
    public const string EscalationQueue = "escalations";

    /// <summary>Where a human-only code goes when the policy has no route for it (a tenant-added human-only intent).</summary>
    public static readonly ReasonRoute HumanOnlyFallback = new(RouteCeiling.Escalate, EscalationQueue, 1);

    public RoutingDecision Route(RoutingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var policy = input.Policy;
        var reasons = new List<TriageReason>(input.Reasons);
        reasons.AddRange(OwnReasons(input));

        var band = Band(input);
        var routed = reasons.Select(reason => (Reason: reason, Route: RouteOf(reason.Code, policy))).ToList();
        var route = routed.Select(r => ToRoute(r.Route.Ceiling)).Append(band).Max();

        // Already implied by the band and the human-only reason; stated once more so that no policy edit can undo it.
        if (route == TriageRoute.Auto && IntentPolicy.IsHumanOnly(policy, input.Intent.Name))
        {
            route = TriageRoute.Review;
        }

        var priority = routed.Select(r => r.Route.Priority).DefaultIfEmpty(0).Max();
        return new RoutingDecision(route, QueueFor(route, routed, policy), priority, reasons);
    }

    private static IEnumerable<TriageReason> OwnReasons(RoutingInput input)
    {
        var policy = input.Policy;
        var intent = input.Intent.Name;
        var confidence = Confidence(input);
        var high = IntentPolicy.HighThreshold(policy, intent);

        if (IntentPolicy.IsHumanOnly(policy, intent) && !input.Reasons.Any(r => r.Code == intent))
        {
            yield return Reasons.Create(intent, "router.human_only_intent", $"{intent} is human-only, whatever the confidence.", [$"intent {intent}"], ("intent", intent));
        }

        if (input.Draft is not { Checks.Count: > 0 } draft || !draft.AllChecksPassed)
        {
            var failed = input.Draft?.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}").ToList() ?? [];
            yield return Reasons.Create(
                ReasonCodes.DraftCheckFailed,
                "router.draft_checks",
                failed.Count > 0 ? "The draft failed a check, so it cannot go out unreviewed." : "There is no checked draft to send.",
                failed.Count > 0 ? failed : ["no checked draft"],
                ("failed", string.Join(",", input.Draft?.Checks.Where(c => !c.Passed).Select(c => c.Name) ?? [])));
        }

        if (confidence < policy.MediumThreshold)
        {
            yield return Reasons.Create(
                ReasonCodes.LowConfidence,
                "router.confidence",
                $"Confidence {Reasons.Number(confidence)} is below the medium threshold {Reasons.Number(policy.MediumThreshold)}.",
                [$"confidence {Reasons.Number(confidence)} < {Reasons.Number(policy.MediumThreshold)}"],
                ("confidence", Reasons.Number(confidence)),
                ("medium_threshold", Reasons.Number(policy.MediumThreshold)));
        }
        else if (confidence >= high && AutoSendBlocker(input) is { } blocker)
        {
            yield return Reasons.Create(
                ReasonCodes.AutoSendDisabled,
                blocker.Rule,
                blocker.Detail,
                [$"confidence {Reasons.Number(confidence)} ≥ {Reasons.Number(high)}", blocker.Evidence],
                ("intent", intent),
                ("confidence", Reasons.Number(confidence)),
                ("high_threshold", Reasons.Number(high)));
        }
    }

    /// <summary>Why this draft may not be sent unreviewed however confident we are, or null when it may.</summary>
    private static (string Rule, string Detail, string Evidence)? AutoSendBlocker(RoutingInput input)
    {
        var intent = input.Intent.Name;
        if (IntentPolicy.IsHumanOnly(input.Policy, intent))
        {
            return ("router.auto_send", $"{intent} is human-only, so it is never auto-sent.", $"{intent} is human-only");
        }

        if (!IntentPolicy.AllowsAutoSend(input.Policy, intent))
        {
            return ("router.auto_send", $"The policy does not let {intent} auto-send, so a confident draft waits for review.", $"{intent} not in auto-send intents");
        }

        // Sent on its own, "our team will look into it" would be a promise nobody keeps.
        return input.Draft?.Action is DraftActions.AgentReview or DraftActions.Handoff
            ? ("router.draft_action", $"The draft says a person will follow up ({input.Draft.Action}), so one must see the ticket.", $"draft action {input.Draft.Action}")
            : null;
    }

    private static TriageRoute Band(RoutingInput input)
    {
        var confidence = Confidence(input);
        if (confidence >= IntentPolicy.HighThreshold(input.Policy, input.Intent.Name) && AutoSendBlocker(input) is null)
        {
            return TriageRoute.Auto;
        }

        return confidence >= input.Policy.MediumThreshold ? TriageRoute.Review : TriageRoute.Escalate;
    }

    /// <summary>The policy's route for a code; a human-only code is never allowed below review.</summary>
    public static ReasonRoute RouteOf(string code, TriagePolicy policy)
    {
        var humanOnly = IntentPolicy.IsHumanOnly(policy, code);
        var route = policy.ReasonRoutes.TryGetValue(code, out var configured)
            ? configured
            : humanOnly ? HumanOnlyFallback : ReasonRoute.Default;
        return humanOnly && route.Ceiling == RouteCeiling.Auto ? route with { Ceiling = RouteCeiling.Review } : route;
    }

    private static string? QueueFor(TriageRoute route, List<(TriageReason Reason, ReasonRoute Route)> routed, TriagePolicy policy)
    {
        if (route == TriageRoute.Auto)
        {
            return null;
        }

        var chosen = routed
            .Where(r => ToRoute(r.Route.Ceiling) == route)
            .Select(r => r.Route)
            .OrderByDescending(r => r.Priority)
            .ThenBy(r => policy.SlaMinutes.TryGetValue(r.Queue, out var minutes) ? minutes : int.MaxValue)
            .ThenBy(r => r.Queue, StringComparer.Ordinal)
            .FirstOrDefault();
        return chosen?.Queue ?? (route == TriageRoute.Review ? ReviewQueue : EscalationQueue);
    }

    /// <summary>NaN confidence counts as none at all.</summary>
    private static double Confidence(RoutingInput input) =>
        double.IsNaN(input.Confidence.Score) ? 0 : input.Confidence.Score;

    private static TriageRoute ToRoute(RouteCeiling ceiling) => ceiling switch
    {
        RouteCeiling.Auto => TriageRoute.Auto,
        RouteCeiling.Review => TriageRoute.Review,
        _ => TriageRoute.Escalate,
    };
}
