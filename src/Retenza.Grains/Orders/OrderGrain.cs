using Orleans.Placement;
using Retenza.Customers;
using Retenza.Orders;
using Retenza.Tenancy;
using Retenza.Triage.Orders;

namespace Retenza.Grains.Orders;

/// <summary>Placed where it is first asked (usually a ticket's triage): the lookup on the ingest path stays in process.</summary>
[PreferLocalPlacement]
public sealed class OrderGrain(
    [PersistentState("order", StorageNames.Default)] IPersistentState<OrderState> state,
    TimeProvider time) : Grain, IOrderGrain
{
    private string? _orderId;

    private string OrderId => _orderId ??= OrderIds.FromGrainId(GrainKeys.Split(this.GetPrimaryKeyString()).Id);

    public async Task<OrderPutResult> Put(OrderSnapshot order)
    {
        if (OrderReference.Normalize(order.OrderId) != OrderId)
        {
            throw new ArgumentException($"Order '{order.OrderId}' cannot be stored as order '{OrderId}'.", nameof(order));
        }

        var current = state.State.Order;
        if (current is not null && OrderContentComparer.Instance.Equals(current, order with { OrderId = OrderId }))
        {
            // Platforms re-push whole orders on every webhook: a repeat costs no write.
            return new OrderPutResult(OrderPutOutcome.Unchanged, state.State.Version, current);
        }

        state.State.Order = order with { OrderId = OrderId, UpdatedAt = time.GetUtcNow() };
        state.State.ErasedAt = null; // a push after erasure holds what the platform sent again
        state.State.Version++;
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        return new OrderPutResult(current is null ? OrderPutOutcome.Created : OrderPutOutcome.Updated, state.State.Version, state.State.Order);
    }

    public Task<OrderSnapshot?> Get() => Task.FromResult(state.State.Order);

    public async Task<bool> Erase(string customerId)
    {
        var tenant = GrainKeys.Split(this.GetPrimaryKeyString()).Tenant;
        if (state.State.Order is not { } order || CustomerIds.ForEmail(tenant, order.CustomerEmail) != customerId)
        {
            return false; // never pushed, already erased, or now another customer's order
        }

        state.State.Order = OrderRedaction.Redact(order);
        state.State.ErasedAt = time.GetUtcNow();
        state.State.Version++;
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        return true;
    }
}
