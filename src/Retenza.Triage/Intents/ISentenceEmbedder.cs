namespace Retenza.Triage.Intents;

/// <summary>Turns text into a fixed-length sentence embedding (unit length). Implementations are thread-safe.</summary>
public interface ISentenceEmbedder
{
    /// <summary>Names the encoder, recorded in model versions.</summary>
    string Name { get; }

    int Dimensions { get; }

    float[] Embed(string text);

    /// <summary>Several texts at once (cheaper per text when training).</summary>
    float[][] Embed(IReadOnlyList<string> texts);
}
