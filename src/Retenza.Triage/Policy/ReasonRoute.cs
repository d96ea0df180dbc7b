namespace Retenza.Triage.Policy;

/// <summary>What a fired reason does to routing: the most automatic route it still allows, the queue, a priority (higher first).</summary>
public sealed record ReasonRoute(RouteCeiling Ceiling, string Queue, int Priority)
{
    public static readonly ReasonRoute Default = new(RouteCeiling.Review, "review", 0);
}

/// <summary>The most automatic route a reason allows: <c>Review</c> means "at most review".</summary>
public enum RouteCeiling
{
    Auto,
    Review,
    Escalate,
}
