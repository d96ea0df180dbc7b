using Retenza.Triage.Intents;
using Retenza.Triage.Policy;

namespace Retenza.Triage.Routing;

/// <summary>
/// What a policy allows for one intent. A tenant may add human-only intents but never remove
/// SPEC §4's five: those are human-only whatever the policy says (defence in depth).
/// </summary>
public static class IntentPolicy
{
    public static bool IsHumanOnly(TriagePolicy policy, string intent) =>
        IntentTaxonomy.HumanOnly.Contains(intent) || policy.HumanOnlyIntents.Contains(intent);

    public static bool AllowsAutoSend(TriagePolicy policy, string intent) =>
        !IsHumanOnly(policy, intent) && policy.AutoSendIntents.Contains(intent);

    /// <summary>The per-intent high threshold, else the global one; never below the medium threshold.</summary>
    public static double HighThreshold(TriagePolicy policy, string intent)
    {
        var high = policy.IntentHighThresholds.TryGetValue(intent, out var own) ? own : policy.HighThreshold;
        return Math.Max(high, policy.MediumThreshold);
    }
}
