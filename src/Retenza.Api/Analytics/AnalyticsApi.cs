using Retenza.Analytics;
using Retenza.Api.Auth;
using Retenza.Grains.Analytics;

namespace Retenza.Api.Analytics;

/// <summary>Analytics for the tenant's operators (admin key).</summary>
public static class AnalyticsApi
{
    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/analytics").WithTags("Analytics").RequireAuthorization(Policies.Admin);
        group.MapGet("/auto-send", AutoSend)
            .WithSummary("Per intent: replies auto-sent, how many failed (the customer wrote back unhappy or asked for a person), and the failure rate. Counts may lag by a few seconds.")
            .Produces<AutoSendReport>();
        return v1;
    }

    private static async Task<IResult> AutoSend(HttpContext http, IGrainFactory grains)
    {
        var counts = await grains.GetGrain<IAutoSendRecordGrain>(AnalyticsKeys.AutoSend(http.User.Tenant())).Get();
        return TypedResults.Ok(new AutoSendReport(
            [.. counts.Select(c => new IntentAutoSendRate(c.Intent, c.AutoSent, c.Failed, c.AutoSent == 0 ? null : (double)c.Failed / c.AutoSent))],
            (int)AutoSendTally.FlushEvery.TotalSeconds));
    }
}
