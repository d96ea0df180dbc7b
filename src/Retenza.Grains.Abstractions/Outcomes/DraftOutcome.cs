namespace Retenza.Outcomes;

/// <summary>How the sent reply relates to the AI draft (SPEC §6); thresholds in DraftEditClassifier.</summary>
[GenerateSerializer, Alias("Retenza.DraftOutcomeClass")]
public enum DraftOutcomeClass
{
    AcceptedAsIs,
    LightEdit,
    HeavyEdit,
    Rewritten,
    NoDraft,
}

/// <summary>One agent reply measured against the draft, with what calibration needs to bucket it.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.DraftOutcome")]
public sealed record DraftOutcome(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string AgentId,
    [property: Id(2)] DraftOutcomeClass Class,
    [property: Id(3)] double? EditDistance,
    [property: Id(4)] string? Intent,
    [property: Id(5)] double? Confidence,
    [property: Id(6)] string? Route,
    [property: Id(7)] string? PolicyVersion,
    [property: Id(8)] string? ModelVersion,
    [property: Id(9)] DateTimeOffset At);

/// <summary>An agent's verdict on the triage of a ticket (SPEC §6): was escalating needed, what the intent really was.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.TicketFeedback")]
public sealed record TicketFeedback(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string AgentId,
    [property: Id(2)] bool? EscalationNeeded,
    [property: Id(3)] string? CorrectIntent,
    [property: Id(4)] string? Note,
    [property: Id(5)] string? PredictedIntent,
    [property: Id(6)] DateTimeOffset At);
