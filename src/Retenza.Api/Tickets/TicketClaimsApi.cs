using Retenza.Agents;
using Retenza.Api.Agents;
using Retenza.Api.Auth;
using Retenza.Api.Infrastructure;
using Retenza.Outcomes;
using Retenza.Tenancy;
using Retenza.Tickets;

namespace Retenza.Api.Tickets;

/// <summary>POST /v1/tickets/{id}/claim | release, GET …/briefing: the agent's side of a ticket.</summary>
public static class TicketClaimsApi
{
    private const int MaxBodyBytes = 64 * 1024;
    private const int MaxReplyChars = 20_000;

    public static RouteGroupBuilder MapTicketClaimsApi(this RouteGroupBuilder v1)
    {
        var agent = v1.MapGroup("/tickets").WithTags("Agent work").RequireAuthorization(Policies.Agent);
        agent.MapPost("/{id}/claim", Claim)
            .WithSummary("Claim this ticket. Of concurrent claimers exactly one wins; the rest get 409.")
            .Produces<ClaimResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        agent.MapPost("/{id}/release", Release)
            .WithSummary("Give a ticket you hold back to its queue: {note?}.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        agent.MapPost("/{id}/reply", Reply)
            .WithSummary("Send the reply to the customer (holder only): {text, resolve?}. Classifies it against the AI draft.")
            .Accepts<ReplyRequest>("application/json")
            .Produces<AgentReply>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        agent.MapPost("/{id}/feedback", Feedback)
            .WithSummary("Say whether the AI got it right (last holder only): {escalationNeeded?, correctIntent?, note?}.")
            .Accepts<FeedbackRequest>("application/json")
            .Produces<TicketFeedback>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        var readers = v1.MapGroup("/tickets").WithTags("Agent work").RequireAuthorization(Policies.AgentOrAdmin);
        readers.MapGet("/{id}/briefing", GetBriefing)
            .WithSummary("SPEC §5 briefing: summary, sentiment and evidence, order, customer context, draft, reasons, thread, audit.")
            .Produces<Briefing>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<IResult> Claim(string id, HttpContext http, IGrainFactory grains) =>
        TicketIds.IsWellFormed(id) ? ClaimResults.From(await AgentsApi.Session(http, grains).Claim(id)) : Problems.NotFound("ticket");

    private static async Task<IResult> Release(string id, HttpContext http, IGrainFactory grains, CancellationToken ct)
    {
        if (!TicketIds.IsWellFormed(id))
        {
            return Problems.NotFound("ticket");
        }

        string? note = null;
        if (JsonBody.IsPresent(http.Request))
        {
            var (body, problem) = await JsonBody.ReadAsync(http.Request, RetenzaJsonContext.Default.NoteRequest, MaxBodyBytes, ct);
            if (problem is not null)
            {
                return problem;
            }

            note = body!.Note;
        }

        return await AgentsApi.Session(http, grains).Release(id, note)
            ? TypedResults.NoContent()
            : Problems.Create(StatusCodes.Status409Conflict, "Not your claim", "You do not hold this ticket.");
    }

    private static async Task<IResult> Reply(string id, HttpContext http, IGrainFactory grains, CancellationToken ct)
    {
        if (!TicketIds.IsWellFormed(id))
        {
            return Problems.NotFound("ticket");
        }

        var (body, problem) = await JsonBody.ReadAsync(http.Request, RetenzaJsonContext.Default.ReplyRequest, MaxBodyBytes, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.Text) || body.Text.Length > MaxReplyChars)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [$"A reply of 1 to {MaxReplyChars} characters is required."] },
                title: "The reply is not valid");
        }

        var agentId = http.User.AgentId();
        var reply = await grains.GetGrain<ITicketGrain>(GrainKeys.Compose(http.User.Tenant(), id)).AgentReply(agentId, body.Text, body.Resolve ?? false);
        switch (reply.Refusal)
        {
            case AgentReplyRefusal.NotFound:
                return Problems.NotFound("ticket");
            case AgentReplyRefusal.NotClaimer:
                return Problems.Create(StatusCodes.Status409Conflict, "Not your claim",
                    "Only the agent holding a claimed ticket may reply to it; claim it first.");
        }

        // A replied ticket no longer counts against the agent's capacity.
        await AgentsApi.Session(http, grains).Forget(id);
        return TypedResults.Ok(reply);
    }

    private static async Task<IResult> Feedback(string id, HttpContext http, IGrainFactory grains, CancellationToken ct)
    {
        if (!TicketIds.IsWellFormed(id))
        {
            return Problems.NotFound("ticket");
        }

        var (body, problem) = await JsonBody.ReadAsync(http.Request, RetenzaJsonContext.Default.FeedbackRequest, MaxBodyBytes, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        if (body!.CorrectIntent is { } intent && !Retenza.Triage.Intents.IntentTaxonomy.IsKnown(intent))
        {
            errors["correctIntent"] = [$"'{intent}' is not an intent of the taxonomy."];
        }

        if (body.Note is { Length: > 2000 })
        {
            errors["note"] = ["At most 2000 characters."];
        }

        if (body.EscalationNeeded is null && body.CorrectIntent is null && body.Note is null)
        {
            errors["body"] = ["Give at least one of escalationNeeded, correctIntent, note."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The feedback is not valid");
        }

        var feedback = await grains.GetGrain<ITicketGrain>(GrainKeys.Compose(http.User.Tenant(), id))
            .Feedback(http.User.AgentId(), body.EscalationNeeded, body.CorrectIntent, body.Note);
        return feedback is null
            ? Problems.Create(StatusCodes.Status409Conflict, "Not your ticket", "Only the agent who last held the ticket may give feedback on it.")
            : TypedResults.Ok(feedback);
    }

    private static async Task<IResult> GetBriefing(string id, HttpContext http, IGrainFactory grains)
    {
        var ticket = TicketIds.IsWellFormed(id) ? await grains.GetGrain<ITicketGrain>(GrainKeys.Compose(http.User.Tenant(), id)).Get() : null;
        return ticket is null ? Problems.NotFound("ticket") : TypedResults.Ok(Briefing.From(ticket));
    }
}

public sealed class NoteRequest
{
    public string? Note { get; set; }
}

public sealed class ReplyRequest
{
    public string? Text { get; set; }
    public bool? Resolve { get; set; }
}

public sealed class FeedbackRequest
{
    public bool? EscalationNeeded { get; set; }
    public string? CorrectIntent { get; set; }
    public string? Note { get; set; }
}
