namespace Retenza.Grains.Tickets;

/// <summary>Reason codes of the audit entries that put a claimed ticket back in its queue.</summary>
public static class ClaimReasons
{
    public const string Released = "released";
    public const string Expired = "claim_expired";
}
