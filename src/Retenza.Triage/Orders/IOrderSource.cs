namespace Retenza.Triage.Orders;

/// <summary>Where triage finds an order by id: the tenant's order grains in the silo, a fixed snapshot in a preview.</summary>
public interface IOrderSource
{
    ValueTask<OrderSnapshot?> FindAsync(string orderId, CancellationToken cancellationToken = default);
}
