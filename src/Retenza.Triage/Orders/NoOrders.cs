namespace Retenza.Triage.Orders;

/// <summary>An order source that knows no orders: every referenced order is "not found".</summary>
public sealed class NoOrders : IOrderSource
{
    public static readonly NoOrders Instance = new();

    public ValueTask<OrderSnapshot?> FindAsync(string orderId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<OrderSnapshot?>(null);
}
