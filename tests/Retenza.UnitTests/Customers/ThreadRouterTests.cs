using Retenza.Grains.Customers;
using Retenza.Messages;

namespace Retenza.UnitTests.Customers;

public sealed class ThreadRouterTests
{
    private const string Mine = "tkt-aaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Other = "tkt-bbbbbbbbbbbbbbbbbbbbbbbb";
    private static readonly HashSet<string> Tickets = [Mine];

    private static InboundMessage Message(string subject = "Hello", string? inReplyTo = null, params string[] references) =>
        new("m@x", new EmailAddress("a@x.test", null), [], subject, "text", null, inReplyTo, references, DateTimeOffset.UnixEpoch, null);

    private static ThreadMatch? Find(InboundMessage message, string? order = null, params (string, string?)[] contacts) =>
        ThreadRouter.Find(message, id => id == "first@shop.test" ? Mine : null, Tickets, contacts, order);

    [Fact]
    public void In_reply_to_one_of_our_outbound_ids_threads_to_its_ticket() =>
        Assert.Equal(new ThreadMatch(Mine, "in_reply_to", false), Find(Message(inReplyTo: $"<{Mine}.1@retenza>")));

    [Fact]
    public void References_naming_a_message_the_customer_sent_thread_to_that_ticket() =>
        Assert.Equal(new ThreadMatch(Mine, "references", false), Find(Message(references: ["<unknown@x>", "<first@shop.test>"])));

    [Fact]
    public void A_subject_reference_threads_regardless_of_case() =>
        Assert.Equal(new ThreadMatch(Mine, "subject", false), Find(Message(subject: $"Re: still waiting [{Mine.ToUpperInvariant()}]")));

    [Fact]
    public void Another_customers_ticket_is_never_matched()
    {
        Assert.Null(Find(Message(inReplyTo: $"{Other}.1@retenza")));
        Assert.Null(Find(Message(subject: $"[{Other}]")));
    }

    [Fact]
    public void The_same_order_matches_the_newest_contact_on_it_and_asks_for_an_open_ticket() =>
        Assert.Equal(new ThreadMatch(Mine, "order", true), Find(Message(), "rt-10001", (Mine, "RT-10001")));

    [Fact]
    public void Nothing_in_common_opens_a_new_ticket()
    {
        Assert.Null(Find(Message(), "RT-2", (Mine, "RT-1")));
        Assert.Null(Find(Message(inReplyTo: "not-ours@x")));
    }

    [Theory]
    [InlineData("tkt-abc.3@retenza", "tkt-abc")]
    [InlineData("tkt-abc@retenza", null)]
    [InlineData("tkt-abc.3@elsewhere", null)]
    [InlineData("cus-abc.3@retenza", null)]
    public void Outbound_ids_name_their_ticket(string id, string? ticket) => Assert.Equal(ticket, ThreadRouter.OutboundTicket(id));
}
