namespace Retenza.Triage.Intents;

/// <summary>
/// Which intents describe the same underlying issue, so that "the vase arrived broken, I want a refund"
/// is one issue (a damaged item and its remedy), while "refund the vase, and change my address" is two.
/// Human-only intents always count as an issue of their own: a fraud claim must never hide as a detail.
/// </summary>
public static class IntentFamilies
{
    private static readonly string[][] Families =
    [
        ["damaged_item", "wrong_item", "missing_item", "return_request", "get_refund", "track_refund", "check_refund_policy"],
        ["track_order", "delivery_delayed", "delivery_period", "delivery_options", "missing_item"],
        ["cancel_order", "change_order", "check_cancellation_fee", "place_order"],
        ["change_shipping_address", "set_up_shipping_address"],
        ["check_invoice", "get_invoice", "payment_issue", "check_payment_methods"],
        ["create_account", "delete_account", "edit_account", "switch_account", "recover_password", "registration_problems"],
    ];

    /// <summary>Tone or channel rather than an issue: a complaint or a wish to reach a person accompanies the real request.</summary>
    private static readonly HashSet<string> Accompanying = new(StringComparer.Ordinal)
    {
        "complaint", "contact_customer_service", "contact_human_agent", "review",
    };

    private static readonly HashSet<string> HumanOnly = new(IntentTaxonomy.HumanOnly, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="candidate"/>, found in one part of an email whose main intent is <paramref name="main"/>, is a separate issue.</summary>
    public static bool IsSeparateIssue(string main, string candidate)
    {
        if (candidate == main || candidate == IntentTaxonomy.Other)
        {
            return false;
        }

        if (HumanOnly.Contains(candidate))
        {
            return true;
        }

        if (Accompanying.Contains(candidate))
        {
            return false;
        }

        return !Families.Any(family => family.Contains(main) && family.Contains(candidate));
    }
}
