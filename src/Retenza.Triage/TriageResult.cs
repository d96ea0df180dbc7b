namespace Retenza.Triage;

public sealed record TriageResult(
    string Summary,
    TriageRoute Route,
    string? Queue,
    int Priority,
    IReadOnlyList<TriageReason> Reasons,
    string ModelVersion,
    string PolicyVersion);
