namespace Retenza.Triage.Drafts;

/// <summary>Writes the reply. The template writer is the default; an LLM-backed writer can replace it.</summary>
public interface IDraftWriter
{
    ValueTask<Draft> WriteAsync(DraftInput input, CancellationToken cancellationToken = default);
}
