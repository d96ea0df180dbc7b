namespace Retenza.Triage.Intents;

/// <summary>One intent and its calibrated probability.</summary>
public sealed record IntentScore(string Name, double Probability);
