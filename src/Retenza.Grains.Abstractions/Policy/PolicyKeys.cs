using Retenza.Tenancy;

namespace Retenza.Policy;

public static class PolicyKeys
{
    public static string For(string tenant) => GrainKeys.Compose(tenant, "policy");
}
