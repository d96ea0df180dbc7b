namespace Retenza.Triage;

/// <summary>The decision (route, queue, priority, reasons) and, when the engine produced one, the full assessment.</summary>
public sealed record TriageResult(
    string Summary,
    TriageRoute Route,
    string? Queue,
    int Priority,
    IReadOnlyList<TriageReason> Reasons,
    string ModelVersion,
    string PolicyVersion)
{
    public TriageAssessment? Assessment { get; init; }
}
