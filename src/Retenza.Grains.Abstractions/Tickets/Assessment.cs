namespace Retenza.Tickets;

/// <summary>The triage output stored on the ticket: the decision, and in <see cref="Details"/> everything triage read.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.Assessment")]
public sealed record Assessment(
    [property: Id(0)] string Summary,
    [property: Id(1)] Route Route,
    [property: Id(2)] string? Queue,
    [property: Id(3)] int Priority,
    [property: Id(4)] IReadOnlyList<Reason> Reasons,
    [property: Id(5)] string ModelVersion,
    [property: Id(6)] string PolicyVersion,
    [property: Id(7)] DateTimeOffset AssessedAt)
{
    /// <summary>Intent, language, sentiment, order, customer context, draft and confidence (null from the placeholder pipeline).</summary>
    [Id(8)]
    public Retenza.Triage.TriageAssessment? Details { get; init; }
}
