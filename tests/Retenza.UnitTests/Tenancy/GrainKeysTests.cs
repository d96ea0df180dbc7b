using Retenza.Customers;
using Retenza.Tenancy;
using Retenza.Tickets;

namespace Retenza.UnitTests.Tenancy;

public sealed class GrainKeysTests
{
    [Fact]
    public void Keys_compose_and_split_back()
    {
        var key = GrainKeys.Compose("demo", "tkt-abc");

        Assert.Equal("demo/tkt-abc", key);
        Assert.Equal(("demo", "tkt-abc"), GrainKeys.Split(key));
    }

    [Theory]
    [InlineData("no-slash")]
    [InlineData("/tkt-abc")]
    [InlineData("demo/")]
    public void Malformed_keys_are_rejected(string key) =>
        Assert.Throws<ArgumentException>(() => GrainKeys.Split(key));

    [Fact]
    public void Ticket_ids_are_stable_per_message_and_distinct_per_tenant()
    {
        var id = TicketIds.ForMessage("demo", "<m1@shop.example>");

        Assert.Equal(id, TicketIds.ForMessage("demo", "m1@shop.example"));
        Assert.NotEqual(id, TicketIds.ForMessage("other", "m1@shop.example"));
        Assert.NotEqual(id, TicketIds.ForMessage("demo", "m2@shop.example"));
        Assert.StartsWith("tkt-", id);
        Assert.Equal(4 + 24, id.Length);
        Assert.True(TicketIds.IsWellFormed(id));
    }

    [Fact]
    public void Customer_ids_ignore_the_case_and_padding_of_the_email()
    {
        var id = CustomerIds.ForEmail("demo", "ana@example.com");

        Assert.Equal(id, CustomerIds.ForEmail("demo", "  ANA@Example.COM "));
        Assert.NotEqual(id, CustomerIds.ForEmail("demo", "bob@example.com"));
        Assert.StartsWith("cus-", id);
        Assert.True(CustomerIds.IsWellFormed(id));
    }

    [Theory]
    [InlineData("tkt-")]
    [InlineData("cus-abc")]
    [InlineData("tkt-a/b")]
    [InlineData("tkt-a b")]
    [InlineData("TKT-abc")]
    public void Ill_formed_ticket_ids_are_recognised(string id) => Assert.False(TicketIds.IsWellFormed(id));
}
