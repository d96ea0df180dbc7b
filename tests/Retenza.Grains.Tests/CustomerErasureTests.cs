using Retenza.Customers;
using Retenza.Grains.Customers;
using Retenza.Grains.Tests.Orders;
using Retenza.Orders;
using Retenza.Tenancy;
using Retenza.Tickets;

namespace Retenza.Grains.Tests;

/// <summary>Issue 4 privacy gaps: erasure and export reach every ticket (beyond the kept history) and every order of a customer.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CustomerErasureTests(ClusterFixture fixture)
{
    private readonly string _tenant = Messages.NewTenant();

    private ICustomerGrain Customer(string email) =>
        fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Compose(_tenant, CustomerIds.ForEmail(_tenant, email)));

    private ITicketGrain Ticket(string id) => fixture.Grains.GetGrain<ITicketGrain>(GrainKeys.Compose(_tenant, id));

    private IOrderGrain Order(string id) => fixture.Grains.GetGrain<IOrderGrain>(OrderIds.Key(_tenant, id));

    private Task<OrderPutResult> Push(Retenza.Triage.Orders.OrderSnapshot order) => OrderPush.PutAsync(fixture.Grains, _tenant, order);

    private int IndexWrites(string email, int page) => fixture.Storage.Writes("customer-index",
        GrainId.Create("customerindexpage", CustomerIds.IndexPage(_tenant, CustomerIds.ForEmail(_tenant, email), page)));

    [Fact]
    public async Task A_customer_with_more_tickets_than_the_history_keeps_is_found_and_erased_whole()
    {
        // Real bounds: 200 contacts and 200 tickets kept, pages of 100. 330 tickets leave 130 outside both lists.
        const int count = ContactHistory.MaxTickets + 130;
        var email = "many@example.com";
        var opened = new List<string>();
        foreach (var i in Enumerable.Range(0, count))
        {
            opened.Add((await Customer(email).Ingest(Messages.Inbound(email: email, text: $"Question {i}", orderId: null))).Ticket!.TicketId);
        }

        var customer = (await Customer(email).Get())!;
        Assert.Equal(ContactHistory.MaxTickets, customer.Tickets.Count);
        Assert.Equal(130, customer.Indexed);
        Assert.DoesNotContain(customer.Contacts, c => c.TicketId == opened[0]);

        // One extra write for the 100 ids of the first page, in 330 messages; nothing else.
        Assert.Equal(1, IndexWrites(email, 0));
        Assert.Equal(0, IndexWrites(email, 1));

        var holdings = await Customer(email).Holdings();
        Assert.Equal(opened.Order(StringComparer.Ordinal), holdings.TicketIds.Order(StringComparer.Ordinal));

        Assert.True(await Customer(email).Erase());

        var erased = await Task.WhenAll(opened.Select(id => Ticket(id).Get()));
        Assert.All(erased, t => Assert.All(t!.Messages, m => Assert.Equal("[erased]", m.Text)));
        Assert.All(erased, t => Assert.DoesNotContain(email, string.Join(" ", t!.Messages.Select(m => m.From.Email))));
        var after = (await Customer(email).Get())!;
        Assert.Equal(0, after.Indexed);
        Assert.Equal(count, after.EarlierTickets);
        Assert.Empty((await Customer(email).Holdings()).TicketIds);
    }

    [Fact]
    public async Task Orders_pushed_with_the_email_are_linked_once_and_redacted_by_erasure_keeping_amounts_and_status()
    {
        var email = "orders@example.com";
        var customerKey = GrainId.Create("customer", GrainKeys.Compose(_tenant, CustomerIds.ForEmail(_tenant, email)));
        var mine = TestOrders.Full("RT-71001") with { CustomerEmail = email };
        var other = TestOrders.Full("RT-71002") with { CustomerEmail = "someone-else@example.com" };
        await Push(mine);
        var writes = fixture.Storage.Writes("customer", customerKey);
        await Push(mine); // a platform re-push: no customer write
        await Push(mine with { Status = Retenza.Triage.Orders.OrderStatus.Delivered });
        await Push(other);
        await Customer(email).Ingest(Messages.Inbound(email: email, orderId: "RT-71001"));

        Assert.Equal(writes + 1, fixture.Storage.Writes("customer", customerKey)); // only the message's own write
        Assert.Equal(["RT-71001"], (await Customer(email).Get())!.Orders);
        Assert.Equal(["RT-71001"], (await Customer(email).Holdings()).OrderIds);

        Assert.True(await Customer(email).Erase());

        var redacted = (await Order("RT-71001").Get())!;
        Assert.Equal("[erased]", redacted.CustomerEmail);
        Assert.All(redacted.Items, i => Assert.Equal("[erased]", i.Name));
        Assert.All(redacted.Shipments, s => Assert.Equal("[erased]", s.Tracking));
        Assert.Equal(mine.Total, redacted.Total);
        Assert.Equal(Retenza.Triage.Orders.OrderStatus.Delivered, redacted.Status);
        Assert.Equal(mine.Items.Select(i => (i.Sku, i.Qty, i.Price)), redacted.Items.Select(i => (i.Sku, i.Qty, i.Price)));
        var untouched = (await Order("RT-71002").Get())!;
        Assert.Equal(other.CustomerEmail, untouched.CustomerEmail);
        Assert.Equal(other.Items.Select(i => i.Name), untouched.Items.Select(i => i.Name));

        // Another customer's order is never redacted in this one's name; a redacted order has nothing left to redact.
        Assert.False(await Order("RT-71002").Erase(CustomerIds.ForEmail(_tenant, email)));
        Assert.False(await Order("RT-71001").Erase(CustomerIds.ForEmail(_tenant, email)));
        var orderWrites = fixture.Storage.Writes("order", GrainId.Create("order", OrderIds.Key(_tenant, "RT-71001")));
        var customerWrites = fixture.Storage.Writes("customer", customerKey);
        Assert.True(await Customer(email).Erase());
        Assert.Equal(orderWrites, fixture.Storage.Writes("order", GrainId.Create("order", OrderIds.Key(_tenant, "RT-71001"))));
        Assert.Equal(customerWrites, fixture.Storage.Writes("customer", customerKey));
    }

    [Fact]
    public async Task An_order_re_pushed_for_another_customer_is_left_alone_by_the_first_ones_erasure()
    {
        var (first, second) = ("first@example.com", "second@example.com");
        await Push(TestOrders.Full("RT-72001") with { CustomerEmail = first });
        await Push(TestOrders.Full("RT-72001") with { CustomerEmail = second });

        Assert.True(await Customer(first).Erase());

        Assert.Equal(second, (await Order("RT-72001").Get())!.CustomerEmail);
        Assert.Equal(["RT-72001"], (await Customer(second).Get())!.Orders);
    }

    [Fact]
    public async Task A_message_after_erasure_starts_a_fresh_record_and_never_joins_an_erased_ticket()
    {
        var email = "again@example.com";
        var old = await Customer(email).Ingest(Messages.Inbound(email: email, text: "route:auto where is it", orderId: null));
        await Customer(email).Ingest(Messages.Inbound(email: email, text: "another", orderId: null));
        Assert.True(await Customer(email).Erase());
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(1));

        // A reply to the erased ticket's own outbound id: the erased thread is gone, so it opens a new ticket.
        var message = Messages.Inbound(email: email, text: "Hello again", orderId: null) with { InReplyTo = $"<{old.Ticket!.TicketId}.1@retenza>" };
        var result = await Customer(email).Ingest(message);

        Assert.Equal(IngestOutcome.Created, result.Outcome);
        Assert.NotEqual(old.Ticket.TicketId, result.Ticket!.TicketId);
        var customer = (await Customer(email).Get())!;
        Assert.Equal(email, customer.Email);
        Assert.Single(customer.Contacts);
        Assert.Equal(0, customer.Older.Contacts);
        Assert.Equal(0, customer.EarlierTickets);
        Assert.Equal(ClusterFixture.Clock.GetUtcNow(), customer.FirstContactAt);
        Assert.NotNull(customer.ErasedAt); // says that earlier data was erased
        var context = ScriptedTriagePipeline.Requests[message.MessageId].Customer;
        Assert.Empty(context.EarlierContacts);
        Assert.Equal(0, context.SummarisedContacts);
        Assert.Null(context.FirstContactAt);
        Assert.Equal(TicketStatus.AutoReplied, (await Ticket(old.Ticket.TicketId).Get())!.Status); // untouched, still erased
    }

    [Fact]
    public async Task An_index_page_stored_again_with_the_same_ids_writes_nothing()
    {
        var page = fixture.Grains.GetGrain<ICustomerIndexPageGrain>(CustomerIds.IndexPage(_tenant, CustomerIds.ForEmail(_tenant, "p@example.com"), 0));
        var key = GrainId.Create("customerindexpage", CustomerIds.IndexPage(_tenant, CustomerIds.ForEmail(_tenant, "p@example.com"), 0));

        await page.Store(["tkt-a", "ord-RT-1"]);
        await page.Store(["tkt-a", "ord-RT-1"]);

        Assert.Equal(1, fixture.Storage.Writes("customer-index", key));
        Assert.Equal(["tkt-a", "ord-RT-1"], await page.Ids());
        await page.Clear();
        Assert.Empty(await page.Ids());
    }
}
