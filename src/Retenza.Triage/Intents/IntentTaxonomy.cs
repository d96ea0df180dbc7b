namespace Retenza.Triage.Intents;

/// <summary>
/// The default taxonomy of SPEC §4: the 27 Bitext intents, the commerce intents no public set
/// covers, and <c>other</c>. Names are stable snake_case: they appear in policies, reasons and models.
/// </summary>
public static class IntentTaxonomy
{
    public const string Other = "other";

    public static readonly IReadOnlyList<string> Bitext =
    [
        "cancel_order", "change_order", "change_shipping_address", "check_cancellation_fee",
        "check_invoice", "check_payment_methods", "check_refund_policy", "complaint",
        "contact_customer_service", "contact_human_agent", "create_account", "delete_account",
        "delivery_options", "delivery_period", "edit_account", "get_invoice", "get_refund",
        "newsletter_subscription", "payment_issue", "place_order", "recover_password",
        "registration_problems", "review", "set_up_shipping_address", "switch_account",
        "track_order", "track_refund",
    ];

    public static readonly IReadOnlyList<string> Commerce =
    [
        "damaged_item", "missing_item", "wrong_item", "return_request", "delivery_delayed",
        "fraud_claim", "legal_threat", "chargeback_threat", "accessibility_complaint", "account_judgment",
    ];

    /// <summary>Intents that a human must always handle, whatever the confidence (SPEC §4 default policy).</summary>
    public static readonly IReadOnlyList<string> HumanOnly =
    [
        "fraud_claim", "legal_threat", "chargeback_threat", "accessibility_complaint", "account_judgment",
    ];

    public static readonly IReadOnlyList<string> All = [.. Bitext, .. Commerce, Other];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string intent) => Known.Contains(intent);
}
