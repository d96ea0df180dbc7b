using Retenza.Triage.Sentiment;

namespace Retenza.Triage.Customers;

/// <summary>How a customer's frustration moved across their recent contacts (oldest first).</summary>
public static class FrustrationTrend
{
    public const string Unknown = "unknown";
    public const string Rising = "rising";
    public const string Falling = "falling";
    public const string Steady = "steady";

    /// <summary>Contacts the trend looks at: enough to see a direction, few enough to be "lately".</summary>
    public const int Span = 3;

    /// <summary>
    /// Rising when every step of the last <see cref="Span"/> readable levels goes up, falling when
    /// every step goes down, steady otherwise; unknown with fewer than two readings.
    /// </summary>
    public static string Of(IEnumerable<string?> levelsOldestFirst)
    {
        var levels = levelsOldestFirst.Select(Parse).OfType<FrustrationLevel>().TakeLast(Span).ToList();
        if (levels.Count < 2)
        {
            return Unknown;
        }

        var steps = levels.Zip(levels.Skip(1)).ToList();
        if (steps.All(s => s.Second > s.First))
        {
            return Rising;
        }

        return steps.All(s => s.Second < s.First) ? Falling : Steady;
    }

    private static FrustrationLevel? Parse(string? level) =>
        Enum.TryParse<FrustrationLevel>(level, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
