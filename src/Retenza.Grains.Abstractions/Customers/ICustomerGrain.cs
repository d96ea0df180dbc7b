using Retenza.Messages;
using Retenza.Tickets;

namespace Retenza.Customers;

/// <summary>
/// One customer, keyed "tenant/cus-…". Every inbound message passes through it, so a customer's
/// messages are handled in order and each sees the ones before it.
/// </summary>
[Alias("Retenza.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    [Alias("Ingest")]
    Task<IngestResult> Ingest(InboundMessage message);

    /// <summary>Null when the customer has never written.</summary>
    [Alias("Get")]
    Task<CustomerSnapshot?> Get();
}
