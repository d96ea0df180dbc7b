using Retenza.Agents;
using Retenza.Api.Agents;
using Retenza.Api.Auth;
using Retenza.Api.Infrastructure;
using Retenza.Policy;
using Retenza.Queues;
using Retenza.Tenancy;
using Retenza.Tickets;

namespace Retenza.Api.Tickets;

/// <summary>POST /v1/tickets/{id}/transfer: hand a ticket to another queue or agent, with a note.</summary>
public static class TicketTransferApi
{
    public const int MaxNoteChars = 2_000;
    private const int MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapTicketTransferApi(this RouteGroupBuilder v1)
    {
        v1.MapGroup("/tickets").WithTags("Agent work").RequireAuthorization(Policies.AgentOrAdmin)
            .MapPost("/{id}/transfer", Transfer)
            .WithSummary("Transfer a ticket with a note: {queue, note} or {agentId, note}. By its holder, or with the admin key "
                + "for a claimed or waiting ticket. Repeating the same transfer changes nothing (200, replayed).")
            .Accepts<TransferRequest>("application/json")
            .Produces<TransferResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return v1;
    }

    private static async Task<IResult> Transfer(string id, HttpContext http, IGrainFactory grains, CancellationToken ct)
    {
        if (!TicketIds.IsWellFormed(id))
        {
            return Problems.NotFound("ticket");
        }

        var (body, problem) = await JsonBody.ReadAsync(http.Request, RetenzaJsonContext.Default.TransferRequest, MaxBodyBytes, ct);
        if (problem is not null)
        {
            return problem;
        }

        var tenant = http.User.Tenant();
        var errors = new Dictionary<string, string[]>();
        if ((body!.Queue is null) == (body.AgentId is null))
        {
            errors["queue"] = ["Give exactly one of queue and agentId."];
        }
        else if (body.Queue is { } queue)
        {
            var known = QueueKeys.Known(await grains.GetGrain<IPolicyGrain>(PolicyKeys.For(tenant)).Get());
            if (!known.Contains(queue))
            {
                errors["queue"] = [$"'{queue}' is not one of: {string.Join(", ", known)}."];
            }
        }

        var note = body.Note?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > MaxNoteChars)
        {
            errors["note"] = [$"A note of 1 to {MaxNoteChars} characters is required: say why, for whoever takes it next."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The transfer is not valid");
        }

        var actor = http.User.Actor();
        var asAdmin = http.User.IsInRole(Roles.Admin);
        TransferResult result;
        if (body.Queue is { } target)
        {
            result = await grains.GetGrain<ITicketGrain>(GrainKeys.Compose(tenant, id)).TransferToQueue(actor, asAdmin, target, note!);
        }
        else
        {
            // Another tenant's agent id simply does not exist here.
            if (!AgentIds.IsWellFormed(body.AgentId!))
            {
                return Problems.NotFound("agent");
            }

            result = await grains.GetGrain<IAgentSessionGrain>(GrainKeys.Compose(tenant, body.AgentId!)).AcceptTransfer(id, actor, asAdmin, note!);
        }

        if (result.Outcome is TransferOutcome.Transferred or TransferOutcome.Unchanged
            && result.PreviousHolder is { } previous && previous != result.ClaimedBy)
        {
            // The ticket left the previous holder's hands: it no longer counts against their capacity.
            await grains.GetGrain<IAgentSessionGrain>(GrainKeys.Compose(tenant, previous)).Forget(id);
        }

        return result.Outcome switch
        {
            TransferOutcome.Transferred or TransferOutcome.Unchanged => TypedResults.Ok(new TransferResponse(
                result.TicketId, result.Status!.Value, result.Queue, result.ClaimedBy, result.Outcome == TransferOutcome.Unchanged)),
            TransferOutcome.NotFound => Problems.NotFound("ticket"),
            TransferOutcome.AgentNotFound => Problems.NotFound("agent"),
            TransferOutcome.NotHolder => Problems.Create(StatusCodes.Status409Conflict, "Not your claim", result.Detail ?? ""),
            TransferOutcome.AgentNotSignedIn => Problems.Create(StatusCodes.Status409Conflict, "Agent not signed in", result.Detail ?? ""),
            TransferOutcome.AgentAtCapacity => Problems.Create(StatusCodes.Status409Conflict, "Agent at capacity", result.Detail ?? ""),
            TransferOutcome.QueueNotCovered => Problems.Create(StatusCodes.Status422UnprocessableEntity, "Not the agent's queue", result.Detail ?? ""),
            _ => Problems.Create(StatusCodes.Status409Conflict, "Ticket not transferable", result.Detail ?? ""),
        };
    }
}

/// <summary>POST /v1/tickets/{id}/transfer, as sent: exactly one of queue and agentId, and a note.</summary>
public sealed class TransferRequest
{
    public string? Queue { get; set; }
    public string? AgentId { get; set; }
    public string? Note { get; set; }
}

/// <summary>Where the ticket is after the transfer; <c>replayed</c>: this transfer had already been made, nothing changed.</summary>
public sealed record TransferResponse(string TicketId, TicketStatus Status, string? Queue, string? ClaimedBy, bool Replayed);
