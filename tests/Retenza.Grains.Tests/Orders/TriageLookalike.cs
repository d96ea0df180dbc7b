namespace Retenza.TriageTools;

/// <summary>A namespace that starts like Retenza.Triage but is not it.</summary>
internal sealed class TriageLookalike;
