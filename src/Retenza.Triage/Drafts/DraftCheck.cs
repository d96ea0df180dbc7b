namespace Retenza.Triage.Drafts;

/// <summary>One check on a draft: <c>slots_filled</c>, <c>facts_match_order</c>, <c>action_allowed</c>…</summary>
public sealed record DraftCheck(string Name, bool Passed, string Detail);
