using System.Text;
using System.Text.RegularExpressions;

namespace Retenza.Triage.Intents;

/// <summary>
/// Turns email text into the form the intent model reads, identically at training and at inference:
/// lower-case words separated by single spaces, with order references, amounts, other numbers,
/// e-mail addresses, links and Bitext template slots replaced by placeholders. Placeholders keep
/// "where is RT-10006" and "where is #55120" the same sentence, so the model learns the words around
/// an order number instead of the number itself.
/// </summary>
public static partial class IntentTextNormalizer
{
    public const string OrderReference = "#ref";
    public const string Money = "#money";
    public const string Number = "#num";
    public const string EmailAddress = "#email";
    public const string Link = "#url";
    public const string TemplateSlot = "#slot";

    /// <summary>Normalises <paramref name="text"/>; empty when it holds no words.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return string.Empty;
        }

        var withPlaceholders = TemplateSlotPattern().Replace(text, m => $" {TemplateSlotPlaceholder(m.Groups[1].Value)} ");
        withPlaceholders = LinkPattern().Replace(withPlaceholders, $" {Link} ");
        withPlaceholders = EmailPattern().Replace(withPlaceholders, $" {EmailAddress} ");
        withPlaceholders = MoneyPattern().Replace(withPlaceholders, $" {Money} ");
        withPlaceholders = OrderReferencePattern().Replace(withPlaceholders, $" {OrderReference} ");
        withPlaceholders = NumberPattern().Replace(withPlaceholders, $" {Number} ");
        return CollapseToWords(withPlaceholders);
    }

    private static string TemplateSlotPlaceholder(string name)
    {
        var lower = name.ToLowerInvariant();
        if (lower.Contains("amount", StringComparison.Ordinal) || lower.Contains("money", StringComparison.Ordinal))
        {
            return Money;
        }

        return lower.Contains("order", StringComparison.Ordinal) || lower.Contains("invoice", StringComparison.Ordinal)
               || lower.Contains("purchase", StringComparison.Ordinal) || lower.Contains("number", StringComparison.Ordinal)
               || lower.Contains("id", StringComparison.Ordinal)
            ? OrderReference
            : TemplateSlot;
    }

    // Lower-cases, drops apostrophes inside words ("don't" and "dont" read the same), turns every other
    // non-letter into a separator and keeps placeholders whole.
    private static string CollapseToWords(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '#' && StartsPlaceholder(text, i, out var placeholder))
            {
                AppendSeparated(builder, placeholder, ref pendingSpace);
                i += placeholder.Length - 1;
                pendingSpace = true;
                continue;
            }

            if (char.IsLetter(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (!IsApostrophe(c))
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    private static void AppendSeparated(StringBuilder builder, string token, ref bool pendingSpace)
    {
        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        builder.Append(token);
        pendingSpace = false;
    }

    private static readonly string[] Placeholders = [OrderReference, Money, Number, EmailAddress, Link, TemplateSlot];

    private static bool StartsPlaceholder(string text, int index, out string placeholder)
    {
        foreach (var candidate in Placeholders)
        {
            var end = index + candidate.Length;
            if (string.CompareOrdinal(text, index, candidate, 0, candidate.Length) == 0
                && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                placeholder = candidate;
                return true;
            }
        }

        placeholder = string.Empty;
        return false;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4';

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex TemplateSlotPattern();

    [GeneratedRegex(@"\b(?:https?://|www\.)\S+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(
        @"(?:[$€£¥]\s?\d[\d,.]*)|(?:\b\d[\d,.]*\s?(?:usd|eur|gbp|dollars?|euros?|pounds?|bucks)\b)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MoneyPattern();

    // "#12345", "RT-10006", "ORD12345" and any run of five or more digits (Bitext glues some to words: "order12345").
    [GeneratedRegex(@"(?:#\s?\d+)|(?:\b[A-Z]{1,4}-?\d{3,}\b)|(?:\d{5,})", RegexOptions.CultureInvariant)]
    private static partial Regex OrderReferencePattern();

    [GeneratedRegex(@"\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
