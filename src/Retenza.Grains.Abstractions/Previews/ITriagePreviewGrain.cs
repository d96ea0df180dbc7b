using Retenza.Messages;
using Retenza.Triage;
using Retenza.Triage.Customers;
using Retenza.Triage.Orders;

namespace Retenza.Previews;

/// <summary>
/// Runs the whole pipeline on an email without creating anything. A stateless worker, so previews
/// run on whichever silo receives them, in parallel, next to the loaded models.
/// </summary>
[Alias("Retenza.ITriagePreviewGrain")]
public interface ITriagePreviewGrain : IGrainWithIntegerKey
{
    /// <param name="order">An order snapshot to use instead of a stored one (for its own id).</param>
    /// <param name="customer">Customer context to assume; null reads the stored customer.</param>
    [Alias("Preview")]
    Task<TriageResult> Preview(string tenant, InboundMessage message, OrderSnapshot? order, CustomerContext? customer);
}
