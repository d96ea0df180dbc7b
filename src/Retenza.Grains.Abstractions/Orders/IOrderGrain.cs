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
}
