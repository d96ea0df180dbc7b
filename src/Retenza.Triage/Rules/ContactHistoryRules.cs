using System.Globalization;
using Retenza.Triage.Customers;
using Retenza.Triage.Intents;
using Retenza.Triage.Sentiment;

namespace Retenza.Triage.Rules;

/// <summary>Rules on the customer's earlier contacts: the same issue again, and frustration that keeps rising.</summary>
public static class ContactHistoryRules
{
    /// <summary>Earlier contacts that, with this one, must show a strictly rising frustration.</summary>
    public const int RisingFrustrationContacts = 2;

    public static IEnumerable<TriageReason> Evaluate(RuleInput input)
    {
        var recent = Recent(input);
        if (RepeatContact(input, recent) is { } repeat)
        {
            yield return repeat;
        }

        if (RisingFrustration(input, recent) is { } rising)
        {
            yield return rising;
        }
    }

    /// <summary>Earlier contacts inside the policy window, oldest first.</summary>
    private static List<PriorContact> Recent(RuleInput input)
    {
        var from = input.Now.AddDays(-input.Policy.RepeatContactWindowDays);
        return [.. input.Customer.EarlierContacts.Where(c => c.At >= from && c.At <= input.Now).OrderBy(c => c.At)];
    }

    private static TriageReason? RepeatContact(RuleInput input, List<PriorContact> recent)
    {
        // A count below one would make every first email a "repeat"; treat it as the rule switched off.
        if (input.Policy.RepeatContactCount < 1)
        {
            return null;
        }

        var orderId = input.Order.Reference ?? input.Order.Snapshot?.OrderId;
        var intent = input.Intent.Name;
        var same = recent
            .Select(contact => (Contact: contact, Why: SameIssue(contact, orderId, intent)))
            .Where(match => match.Why is not null)
            .ToList();
        if (same.Count < input.Policy.RepeatContactCount)
        {
            return null;
        }

        return Reasons.Create(
            ReasonCodes.RepeatContact,
            "history.repeat_contact",
            $"{same.Count} earlier contacts on the same issue in the last {input.Policy.RepeatContactWindowDays} days.",
            same.Select(match => $"{Cite(match.Contact)} on {Reasons.Date(match.Contact.At)} ({match.Why})"),
            ("earlier_contacts", same.Count.ToString(CultureInfo.InvariantCulture)),
            ("threshold", input.Policy.RepeatContactCount.ToString(CultureInfo.InvariantCulture)),
            ("window_days", input.Policy.RepeatContactWindowDays.ToString(CultureInfo.InvariantCulture)),
            ("order", orderId ?? ""),
            ("intent", intent));
    }

    /// <summary>Same order, or same intent; <c>other</c> names no issue, so it never makes two emails "the same".</summary>
    private static string? SameIssue(PriorContact contact, string? orderId, string intent)
    {
        if (orderId is not null && string.Equals(contact.OrderId, orderId, StringComparison.OrdinalIgnoreCase))
        {
            return "same order " + orderId;
        }

        return intent != IntentTaxonomy.Other && contact.Intent == intent ? "same intent " + intent : null;
    }

    private static TriageReason? RisingFrustration(RuleInput input, List<PriorContact> recent)
    {
        var earlier = recent
            .Select(contact => (Contact: contact, Level: Parse(contact.Frustration)))
            .Where(entry => entry.Level is not null)
            .TakeLast(RisingFrustrationContacts)
            .ToList();
        if (earlier.Count < RisingFrustrationContacts)
        {
            return null;
        }

        var levels = earlier.Select(entry => entry.Level!.Value).Append(input.Sentiment.Frustration).ToList();
        var rising = levels.Zip(levels.Skip(1)).All(pair => pair.Second > pair.First);
        if (!rising)
        {
            return null;
        }

        var path = string.Join(" → ", levels.Select(Name));
        return Reasons.Create(
            ReasonCodes.RisingFrustration,
            "history.rising_frustration",
            $"Frustration has risen with every recent contact: {path}.",
            [
                .. earlier.Select(entry => $"{Cite(entry.Contact)} on {Reasons.Date(entry.Contact.At)}: {Name(entry.Level!.Value)}"),
                $"this message: {Name(input.Sentiment.Frustration)}",
            ],
            ("levels", path),
            ("window_days", input.Policy.RepeatContactWindowDays.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The ticket, and the message when known: several contacts can share one thread.</summary>
    private static string Cite(PriorContact contact) =>
        contact.MessageId is { } message ? $"{contact.TicketId} (message {message})" : contact.TicketId;

    private static FrustrationLevel? Parse(string? level) =>
        Enum.TryParse<FrustrationLevel>(level, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    private static string Name(FrustrationLevel level) => Reasons.Snake(level);
}
