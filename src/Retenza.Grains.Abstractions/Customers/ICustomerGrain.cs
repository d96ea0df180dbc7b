using Retenza.Messages;
using Retenza.Tickets;
using Retenza.Triage.Customers;

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

    /// <summary>What triage would know about this customer for a new message (a first contact if unknown).</summary>
    [Alias("Context")]
    Task<CustomerContext> Context();

    /// <summary>Null when the customer has never written.</summary>
    [Alias("Get")]
    Task<CustomerSnapshot?> Get();

    /// <summary>Sets what the platform knows (name, VIP, lifetime value, external id); creates the customer if new.</summary>
    [Alias("Update")]
    Task<CustomerUpdateResult> Update(CustomerUpdate update);

    /// <summary>Right to erasure over the customer and their tickets; false when the customer is unknown.</summary>
    [Alias("Erase")]
    Task<bool> Erase();

    /// <summary>Every ticket and order of this customer, including those beyond the kept history (index pages).</summary>
    [Alias("Holdings"), Orleans.Concurrency.ReadOnly]
    Task<CustomerHoldings> Holdings();

    /// <summary>
    /// The platform pushed an order carrying this customer's email: remembered so erasure and export reach it.
    /// Creates the customer if new; a known order writes nothing.
    /// </summary>
    [Alias("LinkOrder")]
    Task LinkOrder(string orderId, string email);
}
