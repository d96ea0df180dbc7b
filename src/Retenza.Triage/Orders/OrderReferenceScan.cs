namespace Retenza.Triage.Orders;

/// <summary>
/// The order references found in one email, normalised, de-duplicated, in order of appearance;
/// <see cref="Problem"/> says why the scan was incomplete (invalid pattern, timeout), for the briefing.
/// </summary>
public sealed record OrderReferenceScan(IReadOnlyList<string> References, string? Problem)
{
    public static readonly OrderReferenceScan Empty = new([], null);
}
