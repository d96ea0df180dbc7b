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
    public static readonly OrderLookup None = new(null, "none", null, null);

    public bool Referenced => Reference is not null;

    public bool Found => Snapshot is not null;
}
