using Retenza.Tickets;

namespace Retenza.Agents;

/// <summary>
/// A signed-in agent, keyed "tenant/agt-…" like the agent. Claims are leases: without a heartbeat
/// for <c>AgentSessionGrain.Lease</c> they go back to their queues.
/// </summary>
[Alias("Retenza.IAgentSessionGrain")]
public interface IAgentSessionGrain : IGrainWithStringKey
{
    /// <summary>Signs in (or updates a live session) with these queues and capacity, within the agent's profile.</summary>
    [Alias("SignIn")]
    Task<AgentSession> SignIn(IReadOnlyList<string>? queues, int? capacity);

    /// <summary>Extends the lease; null when not signed in.</summary>
    [Alias("Heartbeat")]
    Task<AgentSession?> Heartbeat();

    /// <summary>Releases every claim back to its queue and ends the session.</summary>
    [Alias("SignOut")]
    Task<AgentSession> SignOut();

    [Alias("Get")]
    Task<AgentSession> Get();

    [Alias("ClaimNext")]
    Task<ClaimAttempt> ClaimNext();

    [Alias("Claim")]
    Task<ClaimAttempt> Claim(string ticketId);

    /// <summary>Returns the ticket to its queue; false when this agent does not hold it.</summary>
    [Alias("Release")]
    Task<bool> Release(string ticketId, string? note);

    /// <summary>The ticket left this agent's hands (replied and resolved, transferred): forget it without touching the ticket.</summary>
    [Alias("Forget")]
    Task Forget(string ticketId);

    /// <summary>Returns the claims if the lease ran out; what the lease timer and reminder run. Returns how many went back.</summary>
    [Alias("ExpireIfSilent")]
    Task<int> ExpireIfSilent();

    /// <summary>
    /// When this session holds <paramref name="ticketId"/> under a live lease, the lease's end; else null.
    /// What a ticket asks its holder once the lease it recorded has passed. Interleaves: it only reads,
    /// and the ticket may ask while this session waits on that ticket.
    /// </summary>
    [Alias("Confirm"), Orleans.Concurrency.AlwaysInterleave]
    Task<DateTimeOffset?> Confirm(string ticketId);

    /// <summary>
    /// Takes over <paramref name="ticketId"/> from its holder (transfer by the holder or an admin), within
    /// this agent's capacity, when signed in; the ticket decides, then this session records the claim.
    /// </summary>
    [Alias("AcceptTransfer")]
    Task<TransferResult> AcceptTransfer(string ticketId, string actor, bool asAdmin, string note);
}
