using Retenza.Triage.Intents;
using Retenza.Triage.Routing;

namespace Retenza.Triage.Rules;

/// <summary>
/// Rules on what the classifier read: a human-only intent (as the top intent, a strong runner-up
/// or a second issue), a request for a human, and out-of-scope mail.
/// </summary>
public static class IntentRules
{
    /// <summary>
    /// A runner-up or second issue this likely counts: a one-in-four chance of a legal threat is
    /// enough to want a human to read the email.
    /// </summary>
    public const double StrongAlternativeProbability = 0.25;

    public const string HumanAgentIntent = "contact_human_agent";

    public static IEnumerable<TriageReason> Evaluate(RuleInput input)
    {
        var intent = input.Intent;
        foreach (var candidate in Candidates(intent))
        {
            if (IntentPolicy.IsHumanOnly(input.Policy, candidate.Name))
            {
                yield return FromClassifier(candidate.Name, candidate, intent.Stage, $"The classifier reads a {candidate.Name} ({candidate.Source}); a human must handle it.");
            }
            else if (candidate.Name == HumanAgentIntent)
            {
                yield return FromClassifier(ReasonCodes.HumanRequested, candidate, intent.Stage, $"The classifier reads a request for a human agent ({candidate.Source}).");
            }
        }

        if (intent.Name == IntentTaxonomy.Other)
        {
            yield return FromClassifier(ReasonCodes.OutOfScope, new Candidate(intent.Name, intent.Probability, "top"), intent.Stage, "The email is about nothing a template can answer.");
        }
    }

    /// <summary>The top intent, then strong runners-up and second issues, each intent once at its strongest.</summary>
    private static IEnumerable<Candidate> Candidates(IntentPrediction intent)
    {
        IEnumerable<Candidate> all =
        [
            new(intent.Name, intent.Probability, "top"),
            .. intent.Alternatives.Where(Strong).Select(score => new Candidate(score.Name, score.Probability, "alternative")),
            .. intent.Secondary.Where(Strong).Select(score => new Candidate(score.Name, score.Probability, "secondary issue")),
        ];

        return all.GroupBy(candidate => candidate.Name, StringComparer.Ordinal).Select(group => group.First());
    }

    private static bool Strong(IntentScore score) => score.Probability >= StrongAlternativeProbability;

    private static TriageReason FromClassifier(string code, Candidate candidate, string stage, string detail) =>
        Reasons.Create(
            code,
            "intent." + candidate.Name,
            detail,
            [$"classifier: {candidate.Name} p={Reasons.Number(candidate.Probability)} ({candidate.Source})"],
            ("intent", candidate.Name),
            ("probability", Reasons.Number(candidate.Probability)),
            ("source", candidate.Source),
            ("stage", stage));

    private sealed record Candidate(string Name, double Probability, string Source);
}
