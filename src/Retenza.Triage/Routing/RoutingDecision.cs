namespace Retenza.Triage.Routing;

/// <summary>The route, its queue (null when auto-sent), its priority, and every reason: the rules' and the router's own.</summary>
public sealed record RoutingDecision(TriageRoute Route, string? Queue, int Priority, IReadOnlyList<TriageReason> Reasons);
