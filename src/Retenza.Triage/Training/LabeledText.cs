namespace Retenza.Triage.Training;

/// <summary>One labelled utterance and where it came from (e.g. <c>bitext</c>, <c>clinc150/oos</c>, <c>authored</c>).</summary>
public sealed record LabeledText(string Text, string Label, string Source);
