using Retenza.Triage.Orders;

namespace Retenza.UnitTests.Triage.Orders;

public sealed class OrderReferenceTests
{
    [Theory]
    [InlineData("RT-10006", "RT-10006")]
    [InlineData("  rt-10006 ", "RT-10006")]
    [InlineData("#1001", "1001")]
    [InlineData("so_12.a", "SO_12.A")]
    public void Ids_normalise_to_one_spelling(string raw, string normalized) =>
        Assert.Equal(normalized, OrderReference.Normalize(raw));

    [Theory]
    [InlineData("RT-10006")]
    [InlineData("1001")]
    [InlineData("A_B.C-9")]
    public void Plain_ids_are_valid(string id) => Assert.True(OrderReference.IsValid(id));

    [Theory]
    [InlineData("")]
    [InlineData("RT 10006")]
    [InlineData("RT/10006")]
    [InlineData("RT-10006?")]
    [InlineData("RÉ-1")]
    public void Ids_with_other_characters_are_invalid(string id) => Assert.False(OrderReference.IsValid(id));

    [Fact]
    public void Ids_are_at_most_64_characters()
    {
        Assert.True(OrderReference.IsValid(new string('A', 64)));
        Assert.False(OrderReference.IsValid(new string('A', 65)));
    }
}
