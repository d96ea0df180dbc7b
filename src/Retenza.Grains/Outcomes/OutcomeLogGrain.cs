using Retenza.Outcomes;

namespace Retenza.Grains.Outcomes;

public sealed class OutcomeLogGrain(
    [PersistentState("outcomes", StorageNames.Default)] IPersistentState<OutcomeLogState> state) : Grain, IOutcomeLogGrain
{
    public async Task AppendOutcome(DraftOutcome outcome)
    {
        if (state.State.Outcomes.Any(o => o.TicketId == outcome.TicketId && o.At == outcome.At))
        {
            return;
        }

        state.State.Outcomes.Add(outcome);
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
    }

    public async Task AppendFeedback(TicketFeedback feedback)
    {
        if (state.State.Feedback.Contains(feedback))
        {
            return;
        }

        state.State.Feedback.Add(feedback);
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
    }

    public Task<IReadOnlyList<DraftOutcome>> Outcomes() => Task.FromResult<IReadOnlyList<DraftOutcome>>(state.State.Outcomes.ToArray());

    public Task<IReadOnlyList<TicketFeedback>> Feedback() => Task.FromResult<IReadOnlyList<TicketFeedback>>(state.State.Feedback.ToArray());
}
