namespace Retenza.Triage.Policy;

/// <summary>
/// A tenant's routing policy (SPEC §2, §4), versioned: every assessment records the version it used.
/// <see cref="Default"/> is SPEC §4's default table.
/// </summary>
public sealed record TriagePolicy
{
    /// <summary>default-1 had a high threshold of 0.90; default-2 (2026-12-07) raised it, see <see cref="HighThreshold"/>.</summary>
    public string Version { get; init; } = "default-2";

    /// <summary>
    /// Confidence at or above which a reply may be sent without review. 0.95, chosen on our development email sets
    /// (noisy.tsv to noisy-4.tsv): there the auto tier was right 99.50 % of the time at 0.90 and 99.79 % at 0.95, for 9 %
    /// fewer auto-sent emails (README, Models).
    /// </summary>
    public double HighThreshold { get; init; } = 0.95;

    /// <summary>Confidence at or above which a draft waits for review; below it, escalate.</summary>
    public double MediumThreshold { get; init; } = 0.60;

    /// <summary>Per-intent overrides of <see cref="HighThreshold"/>.</summary>
    public IReadOnlyDictionary<string, double> IntentHighThresholds { get; init; } = new Dictionary<string, double>();

    public IReadOnlyList<string> HumanOnlyIntents { get; init; } = Intents.IntentTaxonomy.HumanOnly;

    /// <summary>Intents whose replies may be sent automatically; every other intent at most goes to review.</summary>
    public IReadOnlyList<string> AutoSendIntents { get; init; } =
    [
        "track_order", "delivery_options", "delivery_period", "check_payment_methods", "check_refund_policy",
        "check_cancellation_fee", "track_refund", "get_invoice", "check_invoice", "recover_password",
        "newsletter_subscription", "create_account", "set_up_shipping_address", "delivery_delayed",
    ];

    public int RepeatContactWindowDays { get; init; } = 14;

    /// <summary>Earlier contacts on the same order or intent, within the window, that make this one a repeat.</summary>
    public int RepeatContactCount { get; init; } = 2;

    /// <summary>Frustration at or above this level escalates (none, low, medium, high).</summary>
    public string FrustrationThreshold { get; init; } = "high";

    /// <summary>Order total above which a human handles the ticket, in the order's currency.</summary>
    public decimal HighValueAmount { get; init; } = 1000m;

    /// <summary>Lifetime value above which a customer counts as VIP without an explicit flag.</summary>
    public decimal VipLifetimeValue { get; init; } = 5000m;

    /// <summary>The store's home country (ISO 3166 alpha-2); any other destination is international.</summary>
    public string HomeCountry { get; init; } = "US";

    public IReadOnlyList<string> SupportedLanguages { get; init; } = ["en"];

    /// <summary>How order references look in email text, e.g. <c>RT-\d+</c>.</summary>
    public string OrderReferencePattern { get; init; } = @"\b(?:RT|ORD)-\d{4,}\b";

    /// <summary>Reason code → where it sends the ticket. Codes not listed use <see cref="ReasonRoute.Default"/>.</summary>
    public IReadOnlyDictionary<string, ReasonRoute> ReasonRoutes { get; init; } = DefaultReasonRoutes;

    /// <summary>First-response target per queue, in minutes.</summary>
    public IReadOnlyDictionary<string, int> SlaMinutes { get; init; } = new Dictionary<string, int>
    {
        ["risk"] = 60, ["priority"] = 120, ["escalations"] = 240, ["review"] = 480,
    };

    /// <summary>Tenant overrides of reply templates, by intent.</summary>
    public IReadOnlyDictionary<string, string> Templates { get; init; } = new Dictionary<string, string>();

    public static IReadOnlyDictionary<string, ReasonRoute> DefaultReasonRoutes { get; } = new Dictionary<string, ReasonRoute>
    {
        ["fraud_claim"] = new(RouteCeiling.Escalate, "risk", 3),
        ["legal_threat"] = new(RouteCeiling.Escalate, "risk", 3),
        ["chargeback_threat"] = new(RouteCeiling.Escalate, "risk", 3),
        ["accessibility_complaint"] = new(RouteCeiling.Escalate, "escalations", 2),
        ["account_judgment"] = new(RouteCeiling.Escalate, "escalations", 1),
        ["repeat_contact"] = new(RouteCeiling.Escalate, "priority", 2),
        ["rising_frustration"] = new(RouteCeiling.Escalate, "priority", 2),
        ["high_frustration"] = new(RouteCeiling.Escalate, "priority", 2),
        ["vip_negative"] = new(RouteCeiling.Escalate, "priority", 2),
        ["auto_reply_failed"] = new(RouteCeiling.Escalate, "priority", 2),
        ["human_requested"] = new(RouteCeiling.Escalate, "escalations", 1),
        ["split_shipment_partial_loss"] = new(RouteCeiling.Escalate, "escalations", 1),
        ["international_return_customs"] = new(RouteCeiling.Escalate, "escalations", 1),
        ["high_value_order"] = new(RouteCeiling.Escalate, "escalations", 1),
        ["delivered_not_received"] = new(RouteCeiling.Escalate, "escalations", 1),
        ["low_confidence"] = new(RouteCeiling.Escalate, "escalations", 0),
        ["order_not_found"] = new(RouteCeiling.Review, "review", 0),
        ["multiple_issues"] = new(RouteCeiling.Review, "review", 0),
        ["negated_risk_mention"] = new(RouteCeiling.Review, "review", 0),
        ["unsupported_language"] = new(RouteCeiling.Review, "escalations", 0),
        ["out_of_scope"] = new(RouteCeiling.Review, "escalations", 0),
        ["auto_send_disabled"] = new(RouteCeiling.Review, "review", 0),
        ["draft_check_failed"] = new(RouteCeiling.Review, "review", 0),
    };

    // Declared after DefaultReasonRoutes on purpose: static initialisers run in textual order.
    public static TriagePolicy Default { get; } = new();
}
