using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;

namespace Retenza.Api.Infrastructure;

/// <summary>
/// When the cluster cannot answer (a silo is stopping, none is reachable, a call timed out), say
/// so with 503 and Retry-After: ingest is idempotent, so the platform's retry is always safe.
/// </summary>
public sealed class ClusterUnavailableHandler(IProblemDetailsService problems, ILogger<ClusterUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not (OrleansException or TimeoutException or OperationCanceledException { CancellationToken.IsCancellationRequested: false }))
        {
            return false;
        }

        logger.LogWarning(exception, "Cluster unavailable while serving {Method} {Path}", http.Request.Method, http.Request.Path);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Cluster unavailable",
                Detail = "The request was not completed; retrying it is safe.",
            },
        });
    }
}
