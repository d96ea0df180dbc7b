namespace Retenza.Outcomes;

/// <summary>
/// Append-only log of reply outcomes and feedback for calibration, keyed "tenant/out-&lt;yyyymmdd&gt;-&lt;n&gt;":
/// one grain per tenant, UTC day and partition, so no grain takes every reply of a busy tenant.
/// </summary>
[Alias("Retenza.IOutcomeLogGrain")]
public interface IOutcomeLogGrain : IGrainWithStringKey
{
    /// <summary>Idempotent per ticket and kind: a retried append writes nothing.</summary>
    [Alias("AppendOutcome")]
    Task AppendOutcome(DraftOutcome outcome);

    [Alias("AppendFeedback")]
    Task AppendFeedback(TicketFeedback feedback);

    [Alias("Outcomes"), Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<DraftOutcome>> Outcomes();

    [Alias("Feedback"), Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<TicketFeedback>> Feedback();
}
