using Retenza.Tenancy;

namespace Retenza.Customers;

public static class CustomerIds
{
    public const string Prefix = "cus-";

    /// <summary>Email addresses compare case-insensitively in practice (RFC 5321 allows otherwise, no store does).</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Derived from the email so that lookup by email needs no index.</summary>
    public static string ForEmail(string tenant, string email) => GrainKeys.Derive(Prefix, tenant, NormalizeEmail(email));

    public static bool IsWellFormed(string id) => GrainKeys.IsWellFormed(Prefix, id);

    /// <summary>Page <paramref name="page"/> of a customer's index (<see cref="ICustomerIndexPageGrain"/>).</summary>
    public static string IndexPage(string tenant, string customerId, int page) =>
        GrainKeys.Compose(tenant, $"cix-{customerId[Prefix.Length..]}-{page}");
}
