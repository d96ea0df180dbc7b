namespace Retenza.Triage.Rules;

/// <summary>The hard rules of SPEC §4: each fired rule is one reason, with its evidence and inputs.</summary>
public interface IRuleEngine
{
    IReadOnlyList<TriageReason> Evaluate(RuleInput input);
}
