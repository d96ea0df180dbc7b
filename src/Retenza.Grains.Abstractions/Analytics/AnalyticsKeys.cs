using Retenza.Tenancy;

namespace Retenza.Analytics;

public static class AnalyticsKeys
{
    /// <summary>One record per tenant: a few dozen intents, written at most once per flush per silo.</summary>
    public static string AutoSend(string tenant) => GrainKeys.Compose(tenant, "asr-intents");
}
