using System.Globalization;
using System.Text.RegularExpressions;
using Retenza.Triage.Orders;

namespace Retenza.Triage.Drafts;

/// <summary>
/// <c>facts_match_order</c>: re-reads the finished text, not the template, and finds every date,
/// amount and identifier in it. Dates and amounts must be the order's; identifiers (anything mixing
/// letters and digits, or five digits and more: order numbers, tracking numbers, SKUs) must come
/// from the order or the customer's name. Small plain numbers ("2 × Candle", "30 days") must come
/// from the order or from the template's own fixed wording, which the tenant wrote.
/// </summary>
public static partial class FactCheck
{
    public const string Name = "facts_match_order";

    private const string NoFacts = "The draft quotes no order facts.";

    public static DraftCheck Check(string text, OrderSnapshot? order, string? customerName, string templateLiteral)
    {
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
        {
            return new DraftCheck(Name, true, NoFacts);
        }

        var problems = new List<string>();
        var quoted = 0;
        var claimed = new bool[text.Length];

        foreach (Match date in DateText().Matches(text))
        {
            Claim(claimed, date);
            quoted++;
            if (!DateMatches(date.Value, order))
            {
                problems.Add($"date \"{date.Value}\" is not in the order");
            }
        }

        foreach (Match amount in AmountText().Matches(text))
        {
            if (IsClaimed(claimed, amount))
            {
                continue;
            }

            Claim(claimed, amount);
            quoted++;
            if (!AmountMatches(amount.Value, order))
            {
                problems.Add($"amount \"{amount.Value}\" is not in the order");
            }
        }

        var orderWords = DigitWords(order is null ? [customerName] : [customerName, .. OrderStrings(order)]);
        var literalWords = DigitWords([templateLiteral]);
        foreach (var (start, length) in DigitWordSpans(text))
        {
            if (claimed.AsSpan(start, length).Contains(true))
            {
                continue;
            }

            var word = text.Substring(start, length);
            quoted++;
            var isSmallNumber = word.Length <= 4 && word.All(char.IsAsciiDigit);
            if (!orderWords.Contains(word) && !(isSmallNumber && literalWords.Contains(word)))
            {
                problems.Add($"\"{word}\" is not in the order");
            }
        }

        if (problems.Count > 0)
        {
            return new DraftCheck(Name, false, string.Join("; ", problems));
        }

        return new DraftCheck(Name, true, quoted == 0
            ? NoFacts
            : $"Every fact quoted ({quoted}) is in {(order is null ? "the customer record" : "order " + order.OrderId)}.");
    }

    private static IEnumerable<string> OrderStrings(OrderSnapshot order)
    {
        yield return order.OrderId;
        foreach (var item in order.Items)
        {
            yield return item.Sku;
            yield return item.Name;
            yield return item.Qty.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var shipment in order.Shipments)
        {
            yield return shipment.Carrier;
            yield return shipment.Tracking;
            foreach (var sku in shipment.Skus)
            {
                yield return sku;
            }
        }
    }

    private static HashSet<string> DigitWords(IEnumerable<string?> texts) =>
        texts.Where(t => t is not null).SelectMany(t => DigitWordSpans(t!).Select(span => t!.Substring(span.Start, span.Length))).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Words (letters, digits, inner hyphens and underscores) that contain a digit: "RT-10006",
    /// "1Z999AA10123456784", "2". Found from each digit outwards, which is cheap on text with few digits.
    /// </summary>
    public static IEnumerable<(int Start, int Length)> DigitWordSpans(string text)
    {
        var position = 0;
        while (position < text.Length)
        {
            var digit = text.AsSpan(position).IndexOfAnyInRange('0', '9');
            if (digit < 0)
            {
                yield break;
            }

            var start = position + digit;
            while (start > 0 && IsWordChar(text[start - 1]))
            {
                start--;
            }

            var end = position + digit;
            while (end < text.Length && IsWordChar(text[end]))
            {
                end++;
            }

            // A hyphen or underscore joins a word; at its edge it is punctuation.
            while (text[start] is '-' or '_')
            {
                start++;
            }

            var last = end;
            while (text[last - 1] is '-' or '_')
            {
                last--;
            }

            yield return (start, last - start);
            position = end;
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_';

    private static bool DateMatches(string quoted, OrderSnapshot? order)
    {
        if (order is null)
        {
            return false;
        }

        var dates = order.Shipments.Where(s => s.Eta is not null).Select(s => s.Eta!.Value)
            .Concat(order.Refund?.IssuedAt is { } issued ? [issued] : [])
            .Append(order.UpdatedAt);
        return dates.Any(date =>
            string.Equals(OrderWording.Date(date), quoted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), quoted, StringComparison.Ordinal)
            || string.Equals(date.ToString("MMMM d", CultureInfo.InvariantCulture), quoted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(date.ToString("M/d/yyyy", CultureInfo.InvariantCulture), quoted, StringComparison.Ordinal)
            || string.Equals(date.ToString("d/M/yyyy", CultureInfo.InvariantCulture), quoted, StringComparison.Ordinal));
    }

    private static bool AmountMatches(string quoted, OrderSnapshot? order)
    {
        var digits = AmountNumber().Match(quoted).Value.Replace(",", "", StringComparison.Ordinal);
        if (order is null || !decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var amounts = order.Items.SelectMany(item => new[] { item.Price, item.Price * item.Qty })
            .Append(order.Total)
            .Concat(order.Refund is { } refund ? [refund.Amount] : []);
        return amounts.Contains(amount);
    }

    private static void Claim(bool[] claimed, Match match) => Array.Fill(claimed, true, match.Index, match.Length);

    private static bool IsClaimed(bool[] claimed, Match match) => claimed.AsSpan(match.Index, match.Length).Contains(true);

    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s+\d{4})?\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")]
    private static partial Regex DateText();

    [GeneratedRegex(@"[$€£¥]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*\.\d{2}\b(?:\s?[A-Z]{3}\b)?|\b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|SEK|NOK|DKK|PLN|CZK|MXN|BRL|INR|CNY)\b")]
    private static partial Regex AmountText();

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?")]
    private static partial Regex AmountNumber();
}
