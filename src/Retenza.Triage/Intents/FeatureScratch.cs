namespace Retenza.Triage.Intents;

/// <summary>
/// Per-thread working memory for feature extraction: a dense count per vocabulary entry plus the list
/// of entries touched, so one text costs O(its n-grams) and allocates nothing once warm.
/// </summary>
internal sealed class FeatureScratch
{
    [ThreadStatic]
    private static FeatureScratch? _current;

    private int[] _counts = [];

    public int[] Touched { get; private set; } = new int[256];

    public float[] Values { get; private set; } = new float[256];

    public char[] Padded { get; private set; } = new char[256];

    /// <summary>The calling thread's scratch, sized for a vocabulary of <paramref name="vocabularySize"/> entries.</summary>
    public static FeatureScratch ForCurrentThread(int vocabularySize)
    {
        var scratch = _current ??= new FeatureScratch();
        if (scratch._counts.Length < vocabularySize)
        {
            scratch._counts = new int[vocabularySize];
        }

        return scratch;
    }

    public int[] Counts => _counts;

    public void EnsureCapacity(int features, int paddedChars)
    {
        if (Touched.Length < features)
        {
            Touched = new int[features];
            Values = new float[features];
        }

        if (Padded.Length < paddedChars)
        {
            Padded = new char[paddedChars];
        }
    }
}
