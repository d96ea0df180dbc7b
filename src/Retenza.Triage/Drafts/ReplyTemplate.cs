namespace Retenza.Triage.Drafts;

/// <summary>
/// One way to answer: an id for the audit, what it promises, the text with <c>{slot}</c>s
/// (<c>{slot|fallback}</c> uses the fallback when the slot has no value), and when it applies.
/// A sentence whose slot has no value is left out, so write one fact per sentence.
/// </summary>
/// <param name="Action">What it promises (<see cref="DraftActions"/>); null to read it from the rendered text (tenant templates).</param>
public sealed record ReplyTemplate(string Id, string? Action, string Text, Func<DraftFacts, bool>? When = null)
{
    public bool AppliesTo(DraftFacts facts) => When is null || When(facts);
}
