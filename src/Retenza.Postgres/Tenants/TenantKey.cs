namespace Retenza.Tenants;

/// <summary>Who a presented API key belongs to.</summary>
public sealed record TenantKey(string Tenant, ApiKeyKind Kind);

/// <summary>What may be shown about a key after it was issued: never the key itself.</summary>
public sealed record TenantKeyInfo(ApiKeyKind Kind, string Fingerprint, DateTimeOffset CreatedAt);
