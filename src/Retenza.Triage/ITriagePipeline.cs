namespace Retenza.Triage;

/// <summary>Reads one inbound message and decides how it is routed. Replaceable; the grain only sequences it.</summary>
public interface ITriagePipeline
{
    ValueTask<TriageResult> TriageAsync(TriageRequest request, CancellationToken cancellationToken = default);
}
