namespace Retenza.Triage.Orders;

/// <summary>
/// The one spelling of an order id, shared by the push API, the order grain's key and the
/// references found in email text, so that "rt-10006", " RT-10006 " and "#RT-10006" all name one order.
/// </summary>
public static class OrderReference
{
    public const int MaxLength = 64;

    /// <summary>Trimmed, without a leading '#' (how stores and customers often write order numbers), upper case.</summary>
    public static string Normalize(string orderId) => orderId.Trim().TrimStart('#').ToUpperInvariant();

    /// <summary>
    /// A normalised id of 1 to <see cref="MaxLength"/> ASCII letters, digits, '-', '_' or '.': safe in a
    /// URL path and a grain key, and enough for the order numbers stores issue.
    /// </summary>
    public static bool IsValid(string normalized) =>
        normalized.Length is > 0 and <= MaxLength
        && normalized.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
