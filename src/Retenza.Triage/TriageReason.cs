namespace Retenza.Triage;

/// <summary>One fired rule: a stable snake_case code, the rule that fired, and what it saw.</summary>
public sealed record TriageReason(
    string Code,
    string Rule,
    string Detail,
    IReadOnlyList<string> Evidence,
    IReadOnlyDictionary<string, string> Inputs);
