namespace Retenza.Tenants;

public enum ApiKeyKind
{
    /// <summary>Used by the store or helpdesk platform: ingest, orders, reads.</summary>
    Platform,

    /// <summary>Used by the tenant's operators: policy, agents, analytics.</summary>
    Admin,
}
