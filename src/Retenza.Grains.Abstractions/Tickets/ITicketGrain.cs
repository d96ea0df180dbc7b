using Retenza.Messages;
using Retenza.Triage.Customers;

namespace Retenza.Tickets;

/// <summary>One ticket, keyed "tenant/tkt-…". Its single-threaded execution is the ticket's lock.</summary>
[Alias("Retenza.ITicketGrain")]
public interface ITicketGrain : IGrainWithStringKey
{
    /// <summary>
    /// Opens the ticket with its first message and triages it with what the customer grain knows
    /// (<paramref name="customer"/>). A replay of the same message changes nothing.
    /// </summary>
    [Alias("Open")]
    Task<IngestResult> Open(InboundMessage message, string customerId, CustomerContext customer);

    /// <summary>Null when no ticket exists under this key.</summary>
    [Alias("Get")]
    Task<TicketSnapshot?> Get();

    [Alias("Claim")]
    Task<TicketSnapshot> Claim(string agentId);

    [Alias("Reply")]
    Task<TicketSnapshot> Reply(string agentId, string text);

    [Alias("Resolve")]
    Task<TicketSnapshot> Resolve(string actor, string? note);

    /// <summary>
    /// Appends a customer message that answers this ticket (issue 4): a closed or auto-replied ticket
    /// reopens; the message is re-triaged with the thread as context. A replay changes nothing.
    /// </summary>
    [Alias("Append")]
    Task<IngestResult> Append(InboundMessage message, CustomerContext customer);

    /// <summary>The current status, or null when no ticket exists; read-only, so it never waits behind triage.</summary>
    [Alias("Status"), Orleans.Concurrency.ReadOnly]
    Task<TicketStatus?> Status();

    /// <summary>Right to erasure: removes the customer's personal data from the thread and assessments, keeping the audit trail and counts.</summary>
    [Alias("Erase")]
    Task Erase();
}
