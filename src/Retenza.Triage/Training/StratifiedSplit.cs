namespace Retenza.Triage.Training;

/// <summary>Splits labelled examples so that every label keeps the same share in both parts, reproducibly for a seed.</summary>
public static class StratifiedSplit
{
    public static (IReadOnlyList<LabeledText> Train, IReadOnlyList<LabeledText> HeldOut) Split(
        IReadOnlyList<LabeledText> examples, double heldOutShare, int seed)
    {
        if (heldOutShare is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(heldOutShare), heldOutShare, "the held-out share must be between 0 and 1");
        }

        var random = new Random(seed);
        var train = new List<LabeledText>();
        var heldOut = new List<LabeledText>();
        foreach (var group in examples.GroupBy(e => e.Label, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var items = group.ToArray();
            random.Shuffle(items);
            var take = (int)Math.Round(items.Length * heldOutShare, MidpointRounding.AwayFromZero);
            heldOut.AddRange(items[..take]);
            train.AddRange(items[take..]);
        }

        return (train, heldOut);
    }
}
