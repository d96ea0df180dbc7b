using Retenza.Orders;
using Retenza.Triage.Orders;

namespace Retenza.Grains.Orders;

/// <summary>Triage's view of one tenant's orders: the order grains, found by normalised order id.</summary>
public sealed class GrainOrderSource(IGrainFactory grains, string tenant) : IOrderSource
{
    public async ValueTask<OrderSnapshot?> FindAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var normalized = OrderReference.Normalize(orderId);
        if (!OrderReference.IsValid(normalized))
        {
            return null; // such an id can never have been pushed
        }

        return await grains.GetGrain<IOrderGrain>(OrderIds.Key(tenant, normalized)).Get().WaitAsync(cancellationToken);
    }
}
