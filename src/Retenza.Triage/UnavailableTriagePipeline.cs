namespace Retenza.Triage;

/// <summary>
/// The honest default until the triage engine exists: no model means no confidence, so every
/// ticket goes to a human with a reason that says exactly that.
/// </summary>
public sealed class UnavailableTriagePipeline : ITriagePipeline
{
    public const string ReasonCode = "triage_unavailable";
    public const string ModelVersion = "none";
    public const string PolicyVersion = "builtin-1";

    private static readonly IReadOnlyDictionary<string, string> NoInputs = new Dictionary<string, string>();

    public ValueTask<TriageResult> TriageAsync(TriageRequest request, CancellationToken cancellationToken = default)
    {
        var reason = new TriageReason(
            ReasonCode,
            "pipeline.unavailable",
            "No triage model is installed, so no reply can be trusted to go out unreviewed.",
            [],
            NoInputs);

        return ValueTask.FromResult(new TriageResult(
            Summary: $"Customer wrote: {Summarize(request.Subject, request.Text)}",
            Route: TriageRoute.Escalate,
            Queue: "escalations",
            Priority: 0,
            Reasons: [reason],
            ModelVersion: ModelVersion,
            PolicyVersion: PolicyVersion));
    }

    private static string Summarize(string subject, string text)
    {
        var line = string.IsNullOrWhiteSpace(subject) ? text : subject;
        line = string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 120 ? line : line[..117] + "...";
    }
}
