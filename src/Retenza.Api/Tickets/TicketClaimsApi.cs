using Retenza.Agents;
using Retenza.Api.Agents;
using Retenza.Api.Auth;
using Retenza.Api.Infrastructure;
using Retenza.Tenancy;
using Retenza.Tickets;

namespace Retenza.Api.Tickets;

/// <summary>POST /v1/tickets/{id}/claim | release, GET …/briefing: the agent's side of a ticket.</summary>
public static class TicketClaimsApi
{
    private const int MaxBodyBytes = 64 * 1024;

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
