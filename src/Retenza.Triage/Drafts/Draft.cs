namespace Retenza.Triage.Drafts;

/// <summary>A reply grounded in the order and customer record, with the checks it passed or failed.</summary>
/// <param name="Template">Which template (or writer) produced it, for the audit.</param>
/// <param name="Action">What the reply promises (<c>refund</c>, <c>replacement</c>, <c>information</c>…).</param>
public sealed record Draft(string Text, string Template, string Action, IReadOnlyList<DraftCheck> Checks)
{
    public bool AllChecksPassed => Checks.All(c => c.Passed);
}
