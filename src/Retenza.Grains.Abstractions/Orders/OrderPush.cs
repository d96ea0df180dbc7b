using Retenza.Customers;
using Retenza.Tenancy;
using Retenza.Triage.Orders;

namespace Retenza.Orders;

/// <summary>
/// How a platform's order reaches us: the customer named by its email learns of the order first (no
/// write when known), so erasure and export find it even if the order's write then fails (a stale link
/// is harmless: erasure checks the order's email); then the order is stored. The caller does both, not
/// the order grain, because erasure calls customer → order: an order grain calling its customer could
/// deadlock against a concurrent erasure.
/// </summary>
public static class OrderPush
{
    public static async Task<OrderPutResult> PutAsync(IGrainFactory grains, string tenant, OrderSnapshot order)
    {
        var orderId = OrderReference.Normalize(order.OrderId);
        await grains.GetGrain<ICustomerGrain>(GrainKeys.Compose(tenant, CustomerIds.ForEmail(tenant, order.CustomerEmail)))
            .LinkOrder(orderId, order.CustomerEmail);
        return await grains.GetGrain<IOrderGrain>(OrderIds.Key(tenant, orderId)).Put(order);
    }
}
