namespace Retenza.Triage.Orders;

/// <summary>
/// For previews: the order the caller supplied answers for its own id; any other id is looked up
/// in <paramref name="fallback"/> (the tenant's stored orders).
/// </summary>
public sealed class PreviewOrderSource(OrderSnapshot? supplied, IOrderSource fallback) : IOrderSource
{
    public ValueTask<OrderSnapshot?> FindAsync(string orderId, CancellationToken cancellationToken = default) =>
        supplied is not null && string.Equals(supplied.OrderId, orderId, StringComparison.OrdinalIgnoreCase)
            ? ValueTask.FromResult<OrderSnapshot?>(supplied)
            : fallback.FindAsync(orderId, cancellationToken);
}
