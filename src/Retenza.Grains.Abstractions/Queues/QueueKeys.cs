using System.Text.RegularExpressions;
using Retenza.Tenancy;

namespace Retenza.Queues;

public static partial class QueueKeys
{
    /// <summary>
    /// Partitions per queue. Enqueues spread over them by ticket id, so no single grain takes every
    /// write of a hot queue; claim-next reads every partition's head and takes the best.
    /// </summary>
    public const int Partitions = 8;

    public const string Prefix = "que-";

    public static readonly IReadOnlyList<string> DefaultQueues = ["review", "escalations", "priority", "risk"];

    public static string Partition(string tenant, string queue, int partition) => GrainKeys.Compose(tenant, $"{Prefix}{queue}-{partition}");

    public static int PartitionOf(string ticketId) => (int)(StableHash(ticketId) % Partitions);

    public static IEnumerable<string> AllPartitions(string tenant, string queue) =>
        Enumerable.Range(0, Partitions).Select(p => Partition(tenant, queue, p));

    /// <summary>The tenant's queues: the defaults plus every queue its policy routes to or sets an SLA for.</summary>
    public static IReadOnlyList<string> Known(Retenza.Triage.Policy.TriagePolicy policy) =>
        DefaultQueues.Concat(policy.SlaMinutes.Keys).Concat(policy.ReasonRoutes.Values.Select(r => r.Queue))
            .Append(Retenza.Triage.Policy.ReasonRoute.Default.Queue).Distinct().Order(StringComparer.Ordinal).ToArray();

    public static bool IsValidName(string queue) => QueueName().IsMatch(queue);

    /// <summary>FNV-1a: stable across processes and runs, unlike string.GetHashCode.</summary>
    private static uint StableHash(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex QueueName();
}
