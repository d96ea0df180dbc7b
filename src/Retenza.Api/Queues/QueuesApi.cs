using Retenza.Api.Auth;
using Retenza.Api.Infrastructure;
using Retenza.Policy;
using Retenza.Queues;

namespace Retenza.Api.Queues;

public sealed record QueueSummary(string Name, int Waiting, DateTimeOffset? OldestEnqueuedAt, double? OldestAgeSeconds, int Breached);

public sealed record QueueListing(string Name, int Waiting, IReadOnlyList<QueueEntry> Tickets);

/// <summary>Queue views for agents and operators: reads of every partition, merged here (no grain sees the whole queue).</summary>
public static class QueuesApi
{
    public const int MaxListed = 200;

    public static RouteGroupBuilder MapQueuesApi(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/queues").WithTags("Queues").RequireAuthorization(Policies.AgentOrAdmin);
        group.MapGet("/", List).WithSummary("Every queue of the tenant: waiting count, oldest age, SLA breaches.").Produces<IReadOnlyList<QueueSummary>>();
        group.MapGet("/{name}", Get)
            .WithSummary($"The waiting tickets of one queue in claim order, with summary lines (?limit=, at most {MaxListed}).")
            .Produces<QueueListing>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<IResult> List(HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        var tenant = http.User.Tenant();
        var now = time.GetUtcNow();
        var queues = QueueKeys.Known(await grains.GetGrain<IPolicyGrain>(PolicyKeys.For(tenant)).Get());
        var summaries = await Task.WhenAll(queues.Select(async queue =>
        {
            var stats = await Task.WhenAll(QueueKeys.AllPartitions(tenant, queue).Select(p => grains.GetGrain<IQueuePartitionGrain>(p).Stats(now)));
            var oldest = stats.Where(s => s.OldestEnqueuedAt is not null).Select(s => s.OldestEnqueuedAt).Min();
            return new QueueSummary(queue, stats.Sum(s => s.Waiting), oldest, oldest is { } o ? Math.Round((now - o).TotalSeconds) : null,
                stats.Sum(s => s.Breached));
        }));
        return TypedResults.Ok(summaries);
    }

    private static async Task<IResult> Get(string name, int? limit, HttpContext http, IGrainFactory grains)
    {
        var tenant = http.User.Tenant();
        var known = QueueKeys.Known(await grains.GetGrain<IPolicyGrain>(PolicyKeys.For(tenant)).Get());
        if (!known.Contains(name))
        {
            return Problems.NotFound("queue");
        }

        var take = Math.Clamp(limit ?? 50, 1, MaxListed);
        var partitions = QueueKeys.AllPartitions(tenant, name).Select(p => grains.GetGrain<IQueuePartitionGrain>(p)).ToArray();
        var lists = await Task.WhenAll(partitions.Select(p => p.List(take)));
        var stats = await Task.WhenAll(partitions.Select(p => p.Stats(DateTimeOffset.MinValue)));
        var merged = lists.SelectMany(l => l).Order(Retenza.Grains.Queues.QueueOrder.Instance).Take(take).ToArray();
        return TypedResults.Ok(new QueueListing(name, stats.Sum(s => s.Waiting), merged!));
    }
}
