namespace Retenza.Customers;

/// <summary>
/// One page of a customer's index, keyed "tenant/cix-&lt;customer&gt;-&lt;n&gt;": grain ids (tickets "tkt-…",
/// orders "ord-…") that no longer fit in the customer's bounded state. Written once when full, so a
/// customer with thousands of tickets stays findable for erasure and export without a growing row.
/// </summary>
[Alias("Retenza.ICustomerIndexPageGrain")]
public interface ICustomerIndexPageGrain : IGrainWithStringKey
{
    /// <summary>Stores the page; the same ids again (a retry) write nothing.</summary>
    [Alias("Store")]
    Task Store(IReadOnlyList<string> ids);

    [Alias("Ids"), Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<string>> Ids();

    /// <summary>Forgets the page (after erasure: every id in it was erased first).</summary>
    [Alias("Clear")]
    Task Clear();
}
