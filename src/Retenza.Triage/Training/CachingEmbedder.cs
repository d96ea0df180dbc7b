using Retenza.Triage.Intents;

namespace Retenza.Triage.Training;

/// <summary>Embeds each distinct text once per training run (the training pool is embedded in batches up front).</summary>
internal sealed class CachingEmbedder(ISentenceEmbedder inner, TextWriter log) : ISentenceEmbedder
{
    private const int BatchSize = 32;

    private readonly Dictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    public string Name => inner.Name;

    public int Dimensions => inner.Dimensions;

    public float[] Embed(string text)
    {
        lock (_cache)
        {
            if (_cache.TryGetValue(text, out var cached))
            {
                return cached;
            }
        }

        var embedding = inner.Embed(text);
        lock (_cache)
        {
            _cache[text] = embedding;
        }

        return embedding;
    }

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        Warm(texts);
        return texts.Select(Embed).ToArray();
    }

    /// <summary>Embeds the texts not yet cached, in batches, logging progress.</summary>
    public void Warm(IEnumerable<string> texts)
    {
        string[] missing;
        lock (_cache)
        {
            missing = texts.Distinct(StringComparer.Ordinal).Where(t => !_cache.ContainsKey(t)).ToArray();
        }

        // Similar lengths in a batch waste less padding.
        Array.Sort(missing, (a, b) => a.Length.CompareTo(b.Length));
        for (var start = 0; start < missing.Length; start += BatchSize)
        {
            var batch = missing[start..Math.Min(start + BatchSize, missing.Length)];
            var embeddings = inner.Embed(batch);
            lock (_cache)
            {
                for (var i = 0; i < batch.Length; i++)
                {
                    _cache[batch[i]] = embeddings[i];
                }
            }

            if ((start / BatchSize) % 100 == 0)
            {
                log.WriteLine($"embedded {Math.Min(start + BatchSize, missing.Length)} of {missing.Length} texts");
            }
        }
    }
}
