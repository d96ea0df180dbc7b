using System.IO.Compression;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Retenza.Triage.Intents;

/// <summary>
/// A trained linear intent model: the n-gram vocabulary, one weight per (feature, intent), one bias per
/// intent and a softmax temperature fitted for calibration. Scoring is plain arithmetic over immutable
/// arrays, so one instance serves any number of threads.
/// </summary>
/// <remarks>
/// The zip holds <c>manifest.json</c>, <c>labels.txt</c>, <c>vocabulary.txt</c> (word n-grams, then
/// character n-grams, one a line) and <c>weights.bin</c> (half-precision weights, feature-major, then
/// single-precision biases). Half precision halves the file; its 3 significant digits are far finer
/// than the model's own uncertainty.
/// </remarks>
public sealed class IntentModel
{
    public const int CurrentFormat = 1;
    public const string FileName = "intent-model.zip";

    /// <summary>Texts longer than this are read up to here: the gist of an email is at its start, and cost stays bounded.</summary>
    public const int MaxNormalizedLength = 4000;

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };

    private readonly float[] _weights;
    private readonly float[] _biases;
    private readonly int _stride;

    internal IntentModel(IReadOnlyList<string> labels, NgramVocabulary vocabulary, float[] featureMajorWeights, float[] biases, IntentModelInfo info)
    {
        if (labels.Count == 0 || biases.Length != labels.Count || featureMajorWeights.Length != vocabulary.Count * labels.Count)
        {
            throw new InvalidDataException("the model's labels, vocabulary and weights do not agree in size");
        }

        Labels = labels;
        Vocabulary = vocabulary;
        Info = info;
        _biases = biases;

        // Rows padded to whole SIMD vectors so adding a feature's weights to the scores is a few vector adds.
        var width = Vector<float>.Count;
        _stride = (labels.Count + width - 1) / width * width;
        _weights = new float[vocabulary.Count * _stride];
        for (var f = 0; f < vocabulary.Count; f++)
        {
            Array.Copy(featureMajorWeights, f * labels.Count, _weights, f * _stride, labels.Count);
        }
    }

    public IReadOnlyList<string> Labels { get; }

    public IntentModelInfo Info { get; }

    internal NgramVocabulary Vocabulary { get; }

    /// <summary>Writes the calibrated probability of each label (in <see cref="Labels"/> order) for already normalised text.</summary>
    public void Score(ReadOnlySpan<char> normalized, Span<double> probabilities)
    {
        if (probabilities.Length != Labels.Count)
        {
            throw new ArgumentException($"expected room for {Labels.Count} probabilities", nameof(probabilities));
        }

        Span<float> logits = stackalloc float[_stride];
        Logits(normalized, logits);
        Softmax(logits[..Labels.Count], Info.Temperature, probabilities);
    }

    /// <summary>The raw linear scores (before temperature and softmax) into the first <c>Labels.Count</c> slots.</summary>
    internal void Logits(ReadOnlySpan<char> normalized, Span<float> logits)
    {
        if (logits.Length < _stride)
        {
            throw new ArgumentException($"expected room for {_stride} scores", nameof(logits));
        }

        normalized = Truncate(normalized);
        var scratch = FeatureScratch.ForCurrentThread(Vocabulary.Count);
        var featureCount = Vocabulary.Extract(normalized, scratch);

        logits.Clear();
        _biases.CopyTo(logits);
        var width = Vector<float>.Count;
        for (var i = 0; i < featureCount; i++)
        {
            var row = _weights.AsSpan(scratch.Touched[i] * _stride, _stride);
            var value = new Vector<float>(scratch.Values[i]);
            for (var c = 0; c < _stride; c += width)
            {
                var sum = new Vector<float>(logits[c..]) + value * new Vector<float>(row[c..]);
                sum.CopyTo(logits[c..]);
            }
        }
    }

    /// <summary>The part of a long normalised text that is read: up to <see cref="MaxNormalizedLength"/>, cut at a word end.</summary>
    internal static ReadOnlySpan<char> Truncate(ReadOnlySpan<char> normalized)
    {
        if (normalized.Length <= MaxNormalizedLength)
        {
            return normalized;
        }

        var cut = normalized[..MaxNormalizedLength].LastIndexOf(' ');
        return normalized[..(cut > 0 ? cut : MaxNormalizedLength)];
    }

    /// <summary>How many score slots <see cref="Logits"/> needs (labels rounded up to whole SIMD vectors).</summary>
    internal int ScoreWidth => _stride;

    internal static void Softmax(ReadOnlySpan<float> logits, double temperature, Span<double> probabilities)
    {
        var max = double.NegativeInfinity;
        foreach (var logit in logits)
        {
            max = Math.Max(max, logit);
        }

        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            probabilities[i] = Math.Exp((logits[i] - max) / temperature);
            sum += probabilities[i];
        }

        for (var i = 0; i < logits.Length; i++)
        {
            probabilities[i] /= sum;
        }
    }

    /// <summary>Returns a copy of this model with another softmax temperature.</summary>
    internal IntentModel WithTemperature(double temperature) =>
        new(Labels, Vocabulary, UnpaddedWeights(), _biases, Info with { Temperature = temperature });

    public void Save(Stream stream)
    {
        var stamp = Info.TrainedAt;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        WriteEntry(zip, "manifest.json", stamp, s => JsonSerializer.Serialize(s, Info, ManifestJson));
        WriteEntry(zip, "labels.txt", stamp, s => WriteLines(s, Labels));
        WriteEntry(zip, "vocabulary.txt", stamp, s => WriteLines(s, [.. Vocabulary.WordGrams, .. Vocabulary.CharGrams]));
        WriteEntry(zip, "weights.bin", stamp, s =>
        {
            using var writer = new BinaryWriter(s, Encoding.UTF8, leaveOpen: true);
            foreach (var weight in UnpaddedWeights())
            {
                writer.Write((Half)weight);
            }

            foreach (var bias in _biases)
            {
                writer.Write(bias);
            }
        });
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        Save(file);
    }

    public static IntentModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }

    public static IntentModel Load(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var info = JsonSerializer.Deserialize<IntentModelInfo>(ReadEntry(zip, "manifest.json"))
                   ?? throw new InvalidDataException("the model's manifest.json is empty");
        if (info.Format != CurrentFormat)
        {
            throw new InvalidDataException($"model format {info.Format} is not supported (expected {CurrentFormat})");
        }

        var labels = ReadLines(zip, "labels.txt");
        var grams = ReadLines(zip, "vocabulary.txt");
        if (grams.Count != info.WordFeatures + info.CharFeatures)
        {
            throw new InvalidDataException($"vocabulary.txt has {grams.Count} entries, the manifest says {info.WordFeatures + info.CharFeatures}");
        }

        var vocabulary = new NgramVocabulary(grams[..info.WordFeatures], grams[info.WordFeatures..]);
        var weights = new float[vocabulary.Count * labels.Count];
        var biases = new float[labels.Count];
        using (var reader = new BinaryReader(ReadEntry(zip, "weights.bin")))
        {
            try
            {
                for (var i = 0; i < weights.Length; i++)
                {
                    weights[i] = (float)reader.ReadHalf();
                }

                for (var i = 0; i < biases.Length; i++)
                {
                    biases[i] = reader.ReadSingle();
                }
            }
            catch (EndOfStreamException)
            {
                throw new InvalidDataException("weights.bin is shorter than the vocabulary and labels need");
            }
        }

        return new IntentModel(labels, vocabulary, weights, biases, info);
    }

    private float[] UnpaddedWeights()
    {
        var weights = new float[Vocabulary.Count * Labels.Count];
        for (var f = 0; f < Vocabulary.Count; f++)
        {
            Array.Copy(_weights, f * _stride, weights, f * Labels.Count, Labels.Count);
        }

        return weights;
    }

    private static void WriteEntry(ZipArchive zip, string name, DateTimeOffset stamp, Action<Stream> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize);
        entry.LastWriteTime = stamp;
        using var stream = entry.Open();
        write(stream);
    }

    private static void WriteLines(Stream stream, IEnumerable<string> lines)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        foreach (var line in lines)
        {
            writer.WriteLine(line);
        }
    }

    private static Stream ReadEntry(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"the model has no {name}");
        var copy = new MemoryStream();
        using (var source = entry.Open())
        {
            source.CopyTo(copy);
        }

        copy.Position = 0;
        return copy;
    }

    private static List<string> ReadLines(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(ReadEntry(zip, name), Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
