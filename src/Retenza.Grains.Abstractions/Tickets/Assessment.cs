namespace Retenza.Tickets;

/// <summary>The triage output stored on the ticket. Grows with the triage engine (intent, sentiment, draft, confidence).</summary>
[GenerateSerializer, Immutable, Alias("Retenza.Assessment")]
public sealed record Assessment(
    [property: Id(0)] string Summary,
    [property: Id(1)] Route Route,
    [property: Id(2)] string? Queue,
    [property: Id(3)] int Priority,
    [property: Id(4)] IReadOnlyList<Reason> Reasons,
    [property: Id(5)] string ModelVersion,
    [property: Id(6)] string PolicyVersion,
    [property: Id(7)] DateTimeOffset AssessedAt);
