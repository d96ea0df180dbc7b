namespace Retenza.Triage.Rules;

/// <summary>A phrase rule that fired: the exact text it matched (as the customer wrote it) and where.</summary>
public sealed record PhraseMatch(PhraseRule Rule, int Index, string Text);
