using System.Globalization;
using Retenza.Api.Auth;
using Retenza.Api.Infrastructure;
using Retenza.Outcomes;

namespace Retenza.Api.Tickets;

public sealed record OutcomeLog(string Date, IReadOnlyList<DraftOutcome> Outcomes, IReadOnlyList<TicketFeedback> Feedback);

/// <summary>GET /v1/outcomes?date=: one UTC day of reply outcomes and feedback, what calibration reads (admin key).</summary>
public static class OutcomesApi
{
    public static RouteGroupBuilder MapOutcomesApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/outcomes", Get).WithTags("Outcomes").RequireAuthorization(Policies.Admin)
            .WithSummary("Reply outcomes (draft accepted as-is, light edit, heavy edit, rewritten, no draft) and agent feedback of one UTC day (?date=yyyy-MM-dd, default today).")
            .Produces<OutcomeLog>()
            .ProducesValidationProblem();
        return v1;
    }

    private static async Task<IResult> Get(string? date, HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        DateTime day;
        if (date is null)
        {
            day = time.GetUtcNow().UtcDateTime.Date;
        }
        else if (!DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["date"] = ["Use yyyy-MM-dd."] });
        }

        var logs = OutcomeLogKeys.AllFor(http.User.Tenant(), day).Select(k => grains.GetGrain<IOutcomeLogGrain>(k)).ToArray();
        var outcomes = await Task.WhenAll(logs.Select(l => l.Outcomes()));
        var feedback = await Task.WhenAll(logs.Select(l => l.Feedback()));
        return TypedResults.Ok(new OutcomeLog(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            outcomes.SelectMany(o => o).OrderBy(o => o.At).ToArray(), feedback.SelectMany(f => f).OrderBy(f => f.At).ToArray()));
    }
}
