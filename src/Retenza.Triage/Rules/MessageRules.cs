using Retenza.Triage.Reading;

namespace Retenza.Triage.Rules;

/// <summary>Rules on the message itself: two separate issues in one email, and a language the store does not answer in.</summary>
public static class MessageRules
{
    /// <summary>Below this, a language guess is too shaky to call the email foreign (short texts often are).</summary>
    public const double ConfidentLanguage = 0.7;

    public static IEnumerable<TriageReason> Evaluate(RuleInput input)
    {
        var secondary = input.Intent.Secondary;
        if (secondary.Count > 0)
        {
            yield return Reasons.Create(
                ReasonCodes.MultipleIssues,
                "message.multiple_issues",
                $"The email raises {secondary.Count + 1} separate issues; one reply must answer them all.",
                [$"main issue: {input.Intent.Name}", .. secondary.Select(s => $"also: {s.Name} p={Reasons.Number(s.Probability)}")],
                ("intent", input.Intent.Name),
                ("secondary", string.Join(",", secondary.Select(s => s.Name))));
        }

        if (IsUnsupported(input.Email.Language, input.Policy.SupportedLanguages))
        {
            var language = input.Email.Language;
            yield return Reasons.Create(
                ReasonCodes.UnsupportedLanguage,
                "message.unsupported_language",
                $"The email is written in '{language.Code}', which the store does not answer in.",
                [$"language {language.Code} confidence {Reasons.Number(language.Confidence)}"],
                ("language", language.Code),
                ("confidence", Reasons.Number(language.Confidence)),
                ("supported", string.Join(",", input.Policy.SupportedLanguages)));
        }
    }

    public static bool IsUnsupported(LanguageGuess language, IReadOnlyList<string> supported) =>
        language.Code != LanguageGuess.Undetermined
        && language.Confidence >= ConfidentLanguage
        && !supported.Contains(language.Code, StringComparer.OrdinalIgnoreCase);
}
