using System.Text.Json;
using Retenza.Api.FunctionalTests.Orders;

namespace Retenza.Api.FunctionalTests;

/// <summary>
/// Issue 4 privacy, with bounds of 3 contacts, 2 tickets and 1 order: export and erasure reach every
/// ticket and order of the customer, not only those the bounded history still lists.
/// </summary>
[Collection(SmallMemoryCollection.Name)]
public sealed class CustomerErasureReachApiTests(SmallMemoryFactory factory)
{
    private const int Tickets = 7;

    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);

    private async Task<string> PushOrderAsync(string email)
    {
        var id = TestOrders.UniqueId();
        var order = TestOrders.Valid();
        order["customerEmail"] = email;
        await HttpAssert.JsonAsync(await _acme.PutOrderAsync(id, order), 201);
        return id;
    }

    private async Task<string> SendAsync(string email, string text)
    {
        var message = TestMessages.Valid(fromEmail: email);
        message.Remove("orderId");
        message["subject"] = "Question";
        message["text"] = text;
        var summary = await HttpAssert.JsonAsync(await _acme.PostMessageAsync(message), 201);
        return summary.GetProperty("ticketId").GetString()!;
    }

    private static string[] Ids(JsonElement array, string property = "id") =>
        [.. array.EnumerateArray().Select(t => t.GetProperty(property).GetString()!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Export_lists_and_erasure_reaches_every_ticket_and_order_beyond_the_kept_history_and_a_later_message_starts_afresh()
    {
        var email = TestMessages.UniqueEmail("ada");
        string[] orders = [await PushOrderAsync(email), await PushOrderAsync(email), await PushOrderAsync(email)];
        var tickets = new List<string>();
        for (var i = 0; i < Tickets; i++)
        {
            tickets.Add(await SendAsync(email, $"Ada here, 12 Crescent Road. Do you sell gift cards of size {i}?"));
        }

        var customer = await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(email), 200);
        var id = customer.GetProperty("id").GetString()!;
        Assert.Equal(SmallMemoryFactory.MaxTickets, customer.GetProperty("tickets").GetArrayLength());
        Assert.Equal(SmallMemoryFactory.MaxContacts, customer.GetProperty("contacts").GetArrayLength());
        Assert.Equal(SmallMemoryFactory.MaxOrders, customer.GetProperty("orders").GetArrayLength());
        Assert.Equal(Tickets - SmallMemoryFactory.MaxTickets + orders.Length - SmallMemoryFactory.MaxOrders, customer.GetProperty("indexed").GetInt32());

        // Export before erasure: all of it.
        var export = await HttpAssert.JsonAsync(await _acme.GetAsync($"/v1/customers/{id}/export"), 200);
        Assert.Equal(tickets.Order(StringComparer.Ordinal), Ids(export.GetProperty("tickets")));
        Assert.Equal(orders.Order(StringComparer.Ordinal), Ids(export.GetProperty("orders"), "orderId"));
        Assert.All(export.GetProperty("orders").EnumerateArray(), o => Assert.Equal(email, o.GetProperty("customerEmail").GetString()));

        Assert.Equal(204, (int)(await _acme.DeleteAsync($"/v1/customers/{id}")).StatusCode);

        foreach (var ticketId in tickets)
        {
            var ticket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(ticketId), 200);
            Assert.DoesNotContain(email, ticket.GetRawText(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Crescent", ticket.GetRawText(), StringComparison.Ordinal);
            Assert.NotEmpty(ticket.GetProperty("audit").EnumerateArray());
        }

        foreach (var orderId in orders)
        {
            var order = await HttpAssert.JsonAsync(await _acme.GetOrderAsync(orderId), 200);
            Assert.Equal("[erased]", order.GetProperty("customerEmail").GetString());
            Assert.All(order.GetProperty("items").EnumerateArray(), i => Assert.Equal("[erased]", i.GetProperty("name").GetString()));
            Assert.All(order.GetProperty("shipments").EnumerateArray(), s => Assert.Equal("[erased]", s.GetProperty("tracking").GetString()));
            Assert.Equal(1499.00m, order.GetProperty("total").GetDecimal());
            Assert.Equal("partially_delivered", order.GetProperty("status").GetString());
            Assert.Equal(["VASE-01", "MUG-01"], order.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()));
        }

        // A retry is harmless; the export now holds nothing personal and lists nothing.
        Assert.Equal(204, (int)(await _acme.DeleteAsync($"/v1/customers/{id}")).StatusCode);
        var empty = await HttpAssert.JsonAsync(await _acme.GetAsync($"/v1/customers/{id}/export"), 200);
        Assert.Empty(empty.GetProperty("tickets").EnumerateArray());
        Assert.Empty(empty.GetProperty("orders").EnumerateArray());
        Assert.DoesNotContain(email, empty.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Tickets, empty.GetProperty("customer").GetProperty("earlierTickets").GetInt32());

        // The same address writes again: the same customer id, a fresh record (a first contact for triage).
        var fresh = await SendAsync(email, "Hello, it's me again.");
        Assert.DoesNotContain(fresh, tickets);
        var after = await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(email), 200);
        Assert.Equal(id, after.GetProperty("id").GetString());
        Assert.Equal(email, after.GetProperty("email").GetString());
        Assert.Equal(1, after.GetProperty("contacts").GetArrayLength());
        Assert.Equal(0, after.GetProperty("older").GetProperty("contacts").GetInt32());
        Assert.Equal(0, after.GetProperty("earlierTickets").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("erasedAt").ValueKind);
        var context = (await HttpAssert.JsonAsync(await _acme.GetTicketAsync(fresh), 200))
            .GetProperty("assessment").GetProperty("details").GetProperty("customer");
        Assert.Empty(context.GetProperty("earlierContacts").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, context.GetProperty("firstContactAt").ValueKind);
    }
}
