using System.Security.Cryptography;

namespace Retenza.Triage.Intents;

/// <summary>The second intent stage: a sentence embedding of the raw text, then the trained linear head.</summary>
public sealed class EmbeddingIntentStage(ISentenceEmbedder embedder, EmbeddingIntentHead head, string version) : IIntentSecondStage
{
    public string Version { get; } = version;

    public EmbeddingIntentHead Head { get; } = head;

    public IReadOnlyList<string> Labels => Head.Labels;

    /// <summary>Loads <see cref="EmbeddingIntentHead.FileName"/> (a file, or inside a directory); the version is its date and file hash.</summary>
    public static EmbeddingIntentStage Load(string path, ISentenceEmbedder embedder)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, EmbeddingIntentHead.FileName) : path;
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"no embedding head at {file} (train one with 'retenza train')", file);
        }

        var head = EmbeddingIntentHead.Load(file);
        if (head.Info.Dimensions != embedder.Dimensions)
        {
            throw new InvalidDataException($"the head expects {head.Info.Dimensions}-dimensional embeddings, the encoder gives {embedder.Dimensions}");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))[..8];
        return new EmbeddingIntentStage(embedder, head, $"intent-embed-{head.Info.TrainedAt.UtcDateTime:yyyyMMdd}-{hash}");
    }

    public void Score(string text, Span<double> probabilities) => Head.Score(embedder.Embed(text), probabilities);
}
