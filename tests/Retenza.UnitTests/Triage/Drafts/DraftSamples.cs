using Retenza.Triage.Customers;
using Retenza.Triage.Drafts;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.Triage.Policy;
using Retenza.UnitTests.Triage.Rules;

namespace Retenza.UnitTests.Triage.Drafts;

internal static class DraftSamples
{
    public static DraftInput DraftFor(
        string intent,
        OrderSnapshot? order = null,
        TriagePolicy? policy = null,
        string name = "Ana",
        string? reference = null,
        IReadOnlyList<IntentScore>? secondary = null) =>
        new(
            TriageSamples.Email("text"),
            name,
            TriageSamples.Intent(intent, 0.95, secondary: secondary),
            order is null
                ? (reference is null ? OrderLookup.None : new OrderLookup(reference, "text", null, null))
                : TriageSamples.Found(order),
            CustomerContext.FirstContact,
            policy ?? TriagePolicy.Default);

    public static Draft Write(DraftInput input) => new TemplateDraftWriter().Write(input);

    public static DraftCheck Check(Draft draft, string name) => Assert.Single(draft.Checks, c => c.Name == name);

    public static TriagePolicy AutoSend(params string[] intents) =>
        TriagePolicy.Default with { AutoSendIntents = [.. TriagePolicy.Default.AutoSendIntents, .. intents] };
}
