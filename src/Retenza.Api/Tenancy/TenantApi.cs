using Retenza.Api.Auth;

namespace Retenza.Api.Tenancy;

public static class TenantApi
{
    public static RouteGroupBuilder MapTenantApi(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/tenant").WithTags("Tenant").RequireAuthorization(Policies.Admin);
        group.MapGet("/", GetTenant).WithSummary("The caller's tenant and the fingerprints of its keys (admin key).");
        return v1;
    }

    private static async Task<TenantInfo> GetTenant(HttpContext http, ITenantDirectory tenants, CancellationToken ct)
    {
        var tenant = http.User.Tenant();
        return new TenantInfo(tenant, await tenants.ListKeysAsync(tenant, ct));
    }
}
