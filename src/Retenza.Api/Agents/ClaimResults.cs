using Retenza.Agents;
using Retenza.Api.Infrastructure;
using Retenza.Tickets;

namespace Retenza.Api.Agents;

/// <summary>A won claim: where to read the briefing next.</summary>
public sealed record ClaimResponse(string TicketId, string? Queue, string ClaimedBy, TicketStatus Status, string Briefing);

/// <summary>One mapping from claim outcomes to HTTP, shared by claim-next and claim-by-id.</summary>
public static class ClaimResults
{
    public static IResult From(ClaimAttempt attempt) => attempt.Outcome switch
    {
        ClaimAttemptOutcome.Claimed => TypedResults.Ok(new ClaimResponse(attempt.TicketId!, attempt.Queue, attempt.ClaimedBy!,
            attempt.Status!.Value, $"/v1/tickets/{attempt.TicketId}/briefing")),
        ClaimAttemptOutcome.QueueEmpty => TypedResults.NoContent(),
        ClaimAttemptOutcome.NotFound => Problems.NotFound("ticket"),
        ClaimAttemptOutcome.AtCapacity => Problems.Create(StatusCodes.Status409Conflict, "At capacity", attempt.Detail ?? ""),
        ClaimAttemptOutcome.NotSignedIn => Problems.Create(StatusCodes.Status409Conflict, "Not signed in", attempt.Detail ?? ""),
        _ => Problems.Create(StatusCodes.Status409Conflict, "Ticket not claimable", attempt.Detail ?? ""),
    };
}
