using Retenza.Tenants;

namespace Retenza.Api.Tenancy;

public sealed record TenantInfo(string Name, IReadOnlyList<TenantKeyInfo> Keys);
