namespace Retenza.Grains.Tickets;

/// <summary>An agent acted on a ticket that someone else (or no one) has claimed.</summary>
[GenerateSerializer, Alias("Retenza.ClaimMismatchException")]
public sealed class ClaimMismatchException(string agentId, string? claimedBy)
    : Exception(claimedBy is null
        ? $"Agent '{agentId}' has not claimed this ticket."
        : $"Agent '{agentId}' cannot act on a ticket claimed by '{claimedBy}'.");
