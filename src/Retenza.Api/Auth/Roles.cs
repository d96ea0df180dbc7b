namespace Retenza.Api.Auth;

public static class Roles
{
    public const string Platform = "platform";
    public const string Admin = "admin";
}

public static class Policies
{
    /// <summary>Ingest and reads: the platform key, and the admin key (an operator may read what the platform can).</summary>
    public const string Platform = "platform";

    /// <summary>Policy, agents, analytics, tenant keys: the admin key only.</summary>
    public const string Admin = "admin";
}

public static class RetenzaClaims
{
    public const string Tenant = "retenza:tenant";
}
