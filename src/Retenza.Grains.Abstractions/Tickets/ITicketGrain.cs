using Orleans.CodeGeneration;
using Retenza.Agents;
using Retenza.Messages;
using Retenza.Outcomes;
using Retenza.Queues;
using Retenza.Triage.Customers;

namespace Retenza.Tickets;

/// <summary>One ticket, keyed "tenant/tkt-…". Its single-threaded execution is the ticket's lock.</summary>
/// <remarks>
/// Version 1 added <see cref="OpenNew"/>. During a rolling upgrade Orleans moves a ticket whose activation runs on a
/// silo with version 0 to a silo with version 1 when a caller asks for version 1 (backward-compatible versioning), so
/// an upgraded customer grain's <see cref="OpenNew"/> never lands on an activation that does not know it. Raise the
/// version whenever a method is added.
/// </remarks>
[Alias("Retenza.ITicketGrain")]
[Version(1)]
public interface ITicketGrain : IGrainWithStringKey
{
    /// <summary>
    /// Opens the ticket with its first message and triages it with what the customer grain knows
    /// (<paramref name="customer"/>). A replay of the same message changes nothing.
    /// </summary>
    [Alias("Open")]
    Task<IngestResult> Open(InboundMessage message, string customerId, CustomerContext customer);

    /// <summary>
    /// <see cref="Open"/> for a message its customer has never routed: the ticket is most likely new, so it is not
    /// read from storage first. Same answers as <see cref="Open"/>, also when the ticket exists after all.
    /// </summary>
    [Alias("OpenNew")]
    Task<IngestResult> OpenNew(InboundMessage message, string customerId, CustomerContext customer);

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
    /// Claims the ticket for <paramref name="agentId"/> if it waits in a queue. The ticket is the
    /// single arbiter: of concurrent claimers exactly one gets Claimed, the rest NotClaimable.
    /// Claiming again by the holder answers Claimed and changes nothing.
    /// </summary>
    [Alias("TryClaim")]
    Task<ClaimAttempt> TryClaim(string agentId);

    /// <summary>
    /// Puts a ticket held by <paramref name="agentId"/> back in its queue with an audit entry
    /// (<paramref name="reasonCode"/>: released, claim_expired). False, changing nothing, when that agent does not hold it.
    /// </summary>
    [Alias("Unclaim")]
    Task<bool> Unclaim(string agentId, string reasonCode, string? note);

    /// <summary>
    /// The holder's reply: records the outbound message, classifies it against the AI draft, and
    /// resolves when asked; one write. Refused (nothing changed) for anyone but the holder.
    /// </summary>
    [Alias("AgentReply")]
    Task<AgentReply> AgentReply(string agentId, string text, bool resolve);

    /// <summary>The agent who last held the ticket says whether escalation was needed and what the intent was; null when refused.</summary>
    [Alias("Feedback")]
    Task<TicketFeedback?> Feedback(string agentId, bool? escalationNeeded, string? correctIntent, string? note);

    /// <summary>
    /// The queue partition's sweep (its durable reminder) asks a ticket it lists under <paramref name="queue"/>:
    /// a claim whose lease ran out and whose holder's session does not confirm it goes back to the
    /// queue (claim_expired); a waiting or held ticket past its first-response due time without a
    /// reply is flagged once (sla_breached, priority raised). Never calls the partition back.
    /// </summary>
    [Alias("Watch")]
    Task<QueueWatch> Watch(string queue);

    /// <summary>
    /// Moves the ticket to <paramref name="queue"/> with an audit entry (transferred) and the note: by its
    /// holder, or by an admin (<paramref name="asAdmin"/>) for a claimed or waiting ticket. A retry of
    /// the same transfer answers Unchanged.
    /// </summary>
    [Alias("TransferToQueue")]
    Task<TransferResult> TransferToQueue(string actor, bool asAdmin, string queue, string note);

    /// <summary>
    /// Hands the claim to <paramref name="agentId"/> (called by that agent's session, which checked its
    /// capacity): the lease starts anew. <paramref name="agentQueues"/> must include the ticket's queue.
    /// </summary>
    [Alias("TransferToAgent")]
    Task<TransferResult> TransferToAgent(string actor, bool asAdmin, string agentId, IReadOnlyList<string> agentQueues, string note);

    /// <summary>
    /// TryClaim for an entry taken from <paramref name="queue"/>'s index: a waiting ticket that has moved to
    /// another queue since (transfer, re-route) refuses, so a stale entry never hands it to the wrong queue's agent.
    /// </summary>
    [Alias("TryClaimFrom")]
    Task<ClaimAttempt> TryClaimFrom(string agentId, string queue);
}
