using Retenza.Triage.Orders;

namespace Retenza.Orders;

/// <summary>
/// One order as the platform last pushed it, keyed "tenant/ord-&lt;normalised order id&gt;"
/// (<see cref="OrderIds"/>). Triage reads it to ground its facts and drafts.
/// </summary>
[Alias("Retenza.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the snapshot (its <c>UpdatedAt</c> is set here). A push equal to the stored order
    /// writes nothing and answers <see cref="OrderPutOutcome.Unchanged"/>.
    /// </summary>
    [Alias("Put")]
    Task<OrderPutResult> Put(OrderSnapshot order);

    /// <summary>Null when the platform never pushed this order.</summary>
    [Alias("Get")]
    Task<OrderSnapshot?> Get();

    /// <summary>
    /// Right to erasure: when the order belongs to <paramref name="customerId"/> (by its email), its personal
    /// fields (email, item names, tracking numbers) become "[erased]"; amounts, status and skus stay for counts.
    /// False when there was nothing to redact (another customer's order, never pushed, or already erased).
    /// </summary>
    [Alias("Erase")]
    Task<bool> Erase(string customerId);
}
