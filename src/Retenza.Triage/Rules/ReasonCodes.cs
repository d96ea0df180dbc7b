namespace Retenza.Triage.Rules;

/// <summary>The stable reason codes (SPEC §4, issue 3): they appear in policies, audits and analytics, so never rename one.</summary>
public static class ReasonCodes
{
    public const string LegalThreat = "legal_threat";
    public const string FraudClaim = "fraud_claim";
    public const string ChargebackThreat = "chargeback_threat";
    public const string AccessibilityComplaint = "accessibility_complaint";
    public const string AccountJudgment = "account_judgment";
    public const string RepeatContact = "repeat_contact";
    public const string RisingFrustration = "rising_frustration";
    public const string HighFrustration = "high_frustration";
    public const string VipNegative = "vip_negative";
    public const string SplitShipmentPartialLoss = "split_shipment_partial_loss";
    public const string InternationalReturnCustoms = "international_return_customs";
    public const string HighValueOrder = "high_value_order";
    public const string DeliveredNotReceived = "delivered_not_received";
    public const string OrderNotFound = "order_not_found";
    public const string MultipleIssues = "multiple_issues";
    public const string UnsupportedLanguage = "unsupported_language";
    public const string OutOfScope = "out_of_scope";
    public const string HumanRequested = "human_requested";

    /// <summary>The customer raises a human-only matter only to deny it ("I'm not going to sue"): no threat, but no auto reply either.</summary>
    public const string NegatedRiskMention = "negated_risk_mention";

    /// <summary>The customer wrote back unhappy after an automatic reply (issue 4): under-escalation.</summary>
    public const string AutoReplyFailed = "auto_reply_failed";

    // Added by the router, not by the rule engine.
    public const string LowConfidence = "low_confidence";
    public const string AutoSendDisabled = "auto_send_disabled";
    public const string DraftCheckFailed = "draft_check_failed";
}
