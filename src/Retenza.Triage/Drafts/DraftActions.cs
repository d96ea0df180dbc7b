namespace Retenza.Triage.Drafts;

/// <summary>What a draft promises the customer. The platform acts on the operational ones after sending.</summary>
public static class DraftActions
{
    /// <summary>Answers a question from the order or the store's general information; promises nothing.</summary>
    public const string Information = "information";

    /// <summary>Says a person will look at the request; promises no outcome.</summary>
    public const string AgentReview = "agent_review";

    /// <summary>A holding reply for mail only a human may answer.</summary>
    public const string Handoff = "handoff";

    public const string Refund = "refund";
    public const string Replacement = "replacement";
    public const string Return = "return";
    public const string Cancellation = "cancellation";

    /// <summary>Actions that commit the store to doing something: only allowed where the policy lets the intent auto-send.</summary>
    public static readonly IReadOnlySet<string> Operational = new HashSet<string>(StringComparer.Ordinal)
    {
        Refund, Replacement, Return, Cancellation,
    };
}
