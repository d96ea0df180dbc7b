using System.Globalization;
using Retenza.Queues;
using Retenza.Tenancy;

namespace Retenza.Outcomes;

public static class OutcomeLogKeys
{
    public const int Partitions = 4;

    public static string For(string tenant, DateTimeOffset at, string ticketId) =>
        Day(tenant, at.UtcDateTime.Date, (int)(QueueKeys.StableHash(ticketId) % Partitions));

    public static IEnumerable<string> AllFor(string tenant, DateTime day) => Enumerable.Range(0, Partitions).Select(p => Day(tenant, day, p));

    private static string Day(string tenant, DateTime day, int partition) =>
        GrainKeys.Compose(tenant, $"out-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{partition}");
}
