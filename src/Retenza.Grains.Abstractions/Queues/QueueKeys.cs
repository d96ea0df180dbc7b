using System.Text.RegularExpressions;
using Retenza.Tenancy;

namespace Retenza.Queues;

public static partial class QueueKeys
{
    /// <summary>
    /// Partitions per queue. Enqueues spread over them by ticket id; claim-next reads every partition's head and
    /// takes the best. Each partition group-commits its writes (one in flight, later entries batch behind it), so
    /// fewer partitions mean fuller batches: at 1,000 tickets/s, 8 partitions cost 0.85 page writes per ticket, 2
    /// cost 0.42, and a partition's own work per entry is a few microseconds.
    /// </summary>
    public const int Partitions = 2;

    /// <summary>
    /// Partitions per queue in builds before commit 4f1b0e0 (2026-12-07). Partition n of those holds tickets that
    /// now map to n % <see cref="Partitions"/>, which takes them over when it activates (see <see cref="FormerPartitionsOf"/>).
    /// </summary>
    public const int FormerPartitions = 8;

    public const string Prefix = "que-";

    public static readonly IReadOnlyList<string> DefaultQueues = ["review", "escalations", "priority", "risk"];

    public static string Partition(string tenant, string queue, int partition) => GrainKeys.Compose(tenant, $"{Prefix}{queue}-{partition}");

    public static int PartitionOf(string ticketId) => (int)(StableHash(ticketId) % Partitions);

    /// <summary>The partition number at the end of a partition's key ("tenant/que-review-1" is 1).</summary>
    public static int NumberOf(string partitionKey) =>
        int.Parse(partitionKey.AsSpan(partitionKey.LastIndexOf('-') + 1), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The former partitions whose tickets now map to <paramref name="partition"/>: a ticket's hash modulo
    /// <see cref="FormerPartitions"/> (a multiple of <see cref="Partitions"/>) is congruent to the current one.
    /// </summary>
    public static IEnumerable<int> FormerPartitionsOf(int partition) =>
        partition >= Partitions
            ? []
            : Enumerable.Range(1, FormerPartitions / Partitions - 1).Select(k => partition + k * Partitions);

    public static IEnumerable<string> AllPartitions(string tenant, string queue) =>
        Enumerable.Range(0, Partitions).Select(p => Partition(tenant, queue, p));

    /// <summary>The tenant's queues: the defaults plus every queue its policy routes to or sets an SLA for.</summary>
    public static IReadOnlyList<string> Known(Retenza.Triage.Policy.TriagePolicy policy) =>
        DefaultQueues.Concat(policy.SlaMinutes.Keys).Concat(policy.ReasonRoutes.Values.Select(r => r.Queue))
            .Append(Retenza.Triage.Policy.ReasonRoute.Default.Queue).Distinct().Order(StringComparer.Ordinal).ToArray();

    public static bool IsValidName(string queue) => QueueName().IsMatch(queue);

    /// <summary>FNV-1a: stable across processes and runs, unlike string.GetHashCode.</summary>
    internal static uint StableHash(string value)
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
