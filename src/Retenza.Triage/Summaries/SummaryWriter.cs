using System.Globalization;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.Triage.Sentiment;

namespace Retenza.Triage.Summaries;

/// <summary>
/// The briefing's first line, in plain language: what the customer wants, about which order, and
/// what the order data says — "Customer reports a damaged item on RT-10006 (shipment lost); very frustrated".
/// Built only from the assessment, so it never claims more than triage found.
/// </summary>
public static class SummaryWriter
{
    private const int MaxLength = 200;

    private static readonly Dictionary<string, string> Phrases = new(StringComparer.Ordinal)
    {
        ["cancel_order"] = "wants to cancel an order",
        ["change_order"] = "wants to change an order",
        ["change_shipping_address"] = "wants to change the shipping address",
        ["check_cancellation_fee"] = "asks about the cancellation fee",
        ["check_invoice"] = "asks about an invoice",
        ["check_payment_methods"] = "asks which payment methods are accepted",
        ["check_refund_policy"] = "asks about the refund policy",
        ["complaint"] = "makes a complaint",
        ["contact_customer_service"] = "wants to reach customer service",
        ["contact_human_agent"] = "asks for a human agent",
        ["create_account"] = "wants to create an account",
        ["delete_account"] = "wants the account deleted",
        ["delivery_options"] = "asks about delivery options",
        ["delivery_period"] = "asks how long delivery takes",
        ["edit_account"] = "wants to edit account details",
        ["get_invoice"] = "asks for an invoice",
        ["get_refund"] = "asks for a refund",
        ["newsletter_subscription"] = "asks about the newsletter subscription",
        ["payment_issue"] = "reports a payment problem",
        ["place_order"] = "wants to place an order",
        ["recover_password"] = "cannot sign in and wants to reset the password",
        ["registration_problems"] = "reports a problem registering",
        ["review"] = "leaves feedback",
        ["set_up_shipping_address"] = "wants to set up a shipping address",
        ["switch_account"] = "wants to switch accounts",
        ["track_order"] = "asks where an order is",
        ["track_refund"] = "asks about the status of a refund",
        ["damaged_item"] = "reports a damaged item",
        ["missing_item"] = "reports a missing item",
        ["wrong_item"] = "received the wrong item",
        ["return_request"] = "wants to return an item",
        ["delivery_delayed"] = "reports a delayed delivery",
        ["fraud_claim"] = "reports an unauthorised charge or fraud",
        ["legal_threat"] = "threatens legal action",
        ["chargeback_threat"] = "threatens a chargeback or bank dispute",
        ["accessibility_complaint"] = "reports an accessibility problem",
        ["account_judgment"] = "asks for an account-level decision",
        [IntentTaxonomy.Other] = "writes about something outside our support topics",
    };

    public static string Write(IntentPrediction? intent, OrderLookup order, SentimentReading? sentiment, string subject)
    {
        var what = intent is not null && Phrases.TryGetValue(intent.Name, out var phrase)
            ? phrase
            : "wrote: " + OneLine(subject);

        var line = "Customer " + what;
        if (order.Reference is { } reference)
        {
            line += order.Found ? $" on {reference}" : $" on {reference} (order not found)";
        }

        if (order.Snapshot is { } snapshot)
        {
            line += " " + OrderState(snapshot);
        }

        foreach (var secondary in intent?.Secondary ?? [])
        {
            if (Phrases.TryGetValue(secondary.Name, out var also))
            {
                line += "; also " + also;
            }
        }

        line += sentiment?.Frustration switch
        {
            FrustrationLevel.High => "; very frustrated",
            FrustrationLevel.Medium => "; frustrated",
            _ => "",
        };

        return line.Length <= MaxLength ? line : line[..(MaxLength - 1)] + "…";
    }

    private static string OrderState(OrderSnapshot order)
    {
        var problem = order.Shipments.FirstOrDefault(s => s.Status is ShipmentStatus.Lost or ShipmentStatus.HeldAtCustoms or ShipmentStatus.ReturnedToSender);
        var status = problem is null
            ? Humanize(order.Status.ToString())
            : $"shipment {problem.Tracking} {Humanize(problem.Status.ToString())}";
        var total = order.Total.ToString("0.00", CultureInfo.InvariantCulture);
        return $"({status}, {total} {order.Currency})";
    }

    private static string Humanize(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length == 0 ? "(no subject)" : line;
    }
}
