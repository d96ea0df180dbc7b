namespace Retenza.Triage;

public enum TriageRoute
{
    Auto,
    Review,
    Escalate,
}
