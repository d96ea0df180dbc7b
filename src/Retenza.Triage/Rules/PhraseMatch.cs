namespace Retenza.Triage.Rules;

/// <summary>
/// A phrase rule that fired: the exact text it matched (as the customer wrote it) and where; <paramref name="Negated"/>
/// when the customer denied it ("I'm not going to sue").
/// </summary>
public sealed record PhraseMatch(PhraseRule Rule, int Index, string Text, bool Negated = false);
