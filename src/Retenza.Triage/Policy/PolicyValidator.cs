using System.Text.RegularExpressions;
using Retenza.Triage.Intents;
using Retenza.Triage.Sentiment;

namespace Retenza.Triage.Policy;

/// <summary>
/// Checks a tenant policy before it is stored: a policy that cannot be applied safely (thresholds
/// out of order, an intent both human-only and auto-sendable, a pattern that does not compile)
/// is refused with every problem named, so an operator fixes it in one round.
/// </summary>
public static partial class PolicyValidator
{
    public const int MaxTemplateLength = 4000;

    public static IReadOnlyList<string> Validate(TriagePolicy policy)
    {
        var errors = new List<string>();

        Probability(errors, "highThreshold", policy.HighThreshold);
        Probability(errors, "mediumThreshold", policy.MediumThreshold);
        if (policy.MediumThreshold > policy.HighThreshold)
        {
            errors.Add("mediumThreshold must not exceed highThreshold.");
        }

        foreach (var (intent, threshold) in policy.IntentHighThresholds ?? new Dictionary<string, double>())
        {
            KnownIntent(errors, $"intentHighThresholds.{intent}", intent);
            Probability(errors, $"intentHighThresholds.{intent}", threshold);
            if (threshold < policy.MediumThreshold)
            {
                errors.Add($"intentHighThresholds.{intent} must not be below mediumThreshold.");
            }
        }

        var humanOnly = policy.HumanOnlyIntents ?? [];
        foreach (var intent in humanOnly)
        {
            KnownIntent(errors, "humanOnlyIntents", intent);
        }

        foreach (var intent in policy.AutoSendIntents ?? [])
        {
            KnownIntent(errors, "autoSendIntents", intent);
            if (humanOnly.Contains(intent) || IntentTaxonomy.HumanOnly.Contains(intent))
            {
                errors.Add($"autoSendIntents: '{intent}' is a human-only intent and can never be sent automatically.");
            }
        }

        foreach (var intent in IntentTaxonomy.HumanOnly.Where(i => !humanOnly.Contains(i)))
        {
            errors.Add($"humanOnlyIntents must include '{intent}' (SPEC: always handled by a human).");
        }

        Range(errors, "repeatContactWindowDays", policy.RepeatContactWindowDays, 1, 365);
        Range(errors, "repeatContactCount", policy.RepeatContactCount, 1, 100);
        if (!Enum.TryParse<FrustrationLevel>(policy.FrustrationThreshold, ignoreCase: true, out var level) || level == FrustrationLevel.None)
        {
            errors.Add("frustrationThreshold must be one of: low, medium, high.");
        }

        if (policy.HighValueAmount <= 0)
        {
            errors.Add("highValueAmount must be greater than 0.");
        }

        if (policy.VipLifetimeValue < 0)
        {
            errors.Add("vipLifetimeValue must not be negative.");
        }

        if (policy.HomeCountry is null || !CountryCode().IsMatch(policy.HomeCountry))
        {
            errors.Add("homeCountry must be an ISO 3166 alpha-2 code such as 'US'.");
        }

        if (policy.SupportedLanguages is not { Count: > 0 } languages || languages.Any(l => l is null || !LanguageCode().IsMatch(l)))
        {
            errors.Add("supportedLanguages must list at least one ISO 639-1 code such as 'en'.");
        }

        Pattern(errors, policy.OrderReferencePattern);

        foreach (var (code, route) in policy.ReasonRoutes ?? new Dictionary<string, ReasonRoute>())
        {
            if (route is null || !QueueName().IsMatch(route.Queue ?? ""))
            {
                errors.Add($"reasonRoutes.{code}.queue must be 1-40 lower-case letters, digits, '-' or '_'.");
            }
            else
            {
                Range(errors, $"reasonRoutes.{code}.priority", route.Priority, 0, 10);
            }
        }

        foreach (var (queue, minutes) in policy.SlaMinutes ?? new Dictionary<string, int>())
        {
            if (!QueueName().IsMatch(queue))
            {
                errors.Add($"slaMinutes: '{queue}' is not a valid queue name.");
            }

            Range(errors, $"slaMinutes.{queue}", minutes, 1, 60 * 24 * 30);
        }

        foreach (var (intent, template) in policy.Templates ?? new Dictionary<string, string>())
        {
            KnownIntent(errors, $"templates.{intent}", intent);
            if (string.IsNullOrWhiteSpace(template) || template.Length > MaxTemplateLength)
            {
                errors.Add($"templates.{intent} must be 1-{MaxTemplateLength} characters.");
            }
        }

        return errors;
    }

    private static void Probability(List<string> errors, string field, double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            errors.Add($"{field} must be between 0 and 1.");
        }
    }

    private static void Range(List<string> errors, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{field} must be between {min} and {max}.");
        }
    }

    private static void KnownIntent(List<string> errors, string field, string intent)
    {
        if (!IntentTaxonomy.IsKnown(intent))
        {
            errors.Add($"{field}: unknown intent '{intent}'.");
        }
    }

    private static void Pattern(List<string> errors, string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > 200)
        {
            errors.Add("orderReferencePattern must be a regular expression of 1-200 characters.");
            return;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(50));
        }
        catch (ArgumentException e)
        {
            errors.Add($"orderReferencePattern is not a valid regular expression: {e.Message}");
        }
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex("^[a-z0-9_-]{1,40}$")]
    private static partial Regex QueueName();
}
