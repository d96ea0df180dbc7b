using System.Text.RegularExpressions;

namespace Retenza.Triage.Sentiment;

/// <summary>
/// Gratitude and apology ("thanks", "sorry for the trouble", "no rush"): a customer who writes so
/// is reporting a problem, not venting, and frustration counts one point less.
/// </summary>
internal static partial class Politeness
{
    public static bool IsPolite(string text) => Markers().IsMatch(text);

    [GeneratedRegex(@"\b(thanks?(?! for nothing)|thank you(?! for nothing)|many thanks|appreciated?|sorry (for|to|about)|no rush|no hurry|have a (nice|great|good|lovely) (day|weekend)|cheers|kind regards)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Markers();
}
