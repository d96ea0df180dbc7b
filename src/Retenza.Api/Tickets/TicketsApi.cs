using Retenza.Api.Auth;
using Retenza.Api.Infrastructure;
using Retenza.Tenancy;
using Retenza.Tickets;

namespace Retenza.Api.Tickets;

public static class TicketsApi
{
    public static RouteGroupBuilder MapTicketsApi(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/tickets").WithTags("Tickets").RequireAuthorization(Policies.Platform);
        group.MapGet("/{id}", GetTicket)
            .WithSummary("The whole ticket: status, route, queue, reasons, assessment, messages and audit trail.")
            .Produces<TicketSnapshot>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<IResult> GetTicket(string id, HttpContext http, IGrainFactory grains)
    {
        if (!TicketIds.IsWellFormed(id))
        {
            return Problems.NotFound("ticket");
        }

        var ticket = await grains.GetGrain<ITicketGrain>(GrainKeys.Compose(http.User.Tenant(), id)).Get();
        return ticket is null ? Problems.NotFound("ticket") : TypedResults.Ok(ticket);
    }
}
