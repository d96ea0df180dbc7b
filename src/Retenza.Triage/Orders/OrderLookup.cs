namespace Retenza.Triage.Orders;

/// <summary>
/// The order part of an assessment: which reference was used and where it came from
/// (<c>field</c>, <c>text</c>, <c>none</c>), whether the order was found, and what it means.
/// </summary>
public sealed record OrderLookup(
    string? Reference,
    string Source,
    OrderSnapshot? Snapshot,
    OrderFacts? Facts)
{
    public const string SourceField = "field";
    public const string SourceText = "text";
    public const string SourceNone = "none";

    public static readonly OrderLookup None = new(null, SourceNone, null, null);

    public bool Referenced => Reference is not null;

    public bool Found => Snapshot is not null;

    /// <summary>Why the lookup may be incomplete (e.g. the tenant's reference pattern is invalid), for the briefing; null when it is not.</summary>
    public string? Problem { get; init; }
}
