using Retenza.Triage.Training;

namespace Retenza.UnitTests.Triage.Training;

public sealed class StratifiedSplitTests
{
    private static readonly LabeledText[] Rows =
    [
        .. Enumerable.Range(0, 50).Select(i => new LabeledText($"a{i}", "track_order", "t")),
        .. Enumerable.Range(0, 10).Select(i => new LabeledText($"b{i}", "fraud_claim", "t")),
        .. Enumerable.Range(0, 3).Select(i => new LabeledText($"c{i}", "other", "t")),
    ];

    [Fact]
    public void Each_label_keeps_its_share_and_no_row_is_in_both_parts()
    {
        var (train, heldOut) = StratifiedSplit.Split(Rows, 0.2, seed: 1);

        Assert.Equal(10, heldOut.Count(r => r.Label == "track_order"));
        Assert.Equal(2, heldOut.Count(r => r.Label == "fraud_claim"));
        Assert.Equal(1, heldOut.Count(r => r.Label == "other")); // 0.6 rounds to 1
        Assert.Equal(Rows.Length, train.Count + heldOut.Count);
        Assert.Empty(train.Select(r => r.Text).Intersect(heldOut.Select(r => r.Text)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var first = StratifiedSplit.Split(Rows, 0.2, seed: 5).HeldOut.Select(r => r.Text);
        var again = StratifiedSplit.Split(Rows, 0.2, seed: 5).HeldOut.Select(r => r.Text);
        var other = StratifiedSplit.Split(Rows, 0.2, seed: 6).HeldOut.Select(r => r.Text);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void The_share_must_be_strictly_between_zero_and_one(double share) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.Split(Rows, share, 1));
}
