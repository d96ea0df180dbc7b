using Retenza.Outcomes;

namespace Retenza.Grains.Outcomes;

[GenerateSerializer, Alias("Retenza.Grains.OutcomeLogState")]
public sealed class OutcomeLogState
{
    [Id(0)] public List<DraftOutcome> Outcomes { get; set; } = [];
    [Id(1)] public List<TicketFeedback> Feedback { get; set; } = [];
}
