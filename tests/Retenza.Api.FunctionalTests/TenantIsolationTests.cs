using System.Text.Json;

namespace Retenza.Api.FunctionalTests;

/// <summary>Nothing of one tenant is visible to another, even with an admin key or identical message ids.</summary>
[Collection(ApiCollection.Name)]
public sealed class TenantIsolationTests(RetenzaApiFactory factory)
{
    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);
    private readonly HttpClient _globex = factory.ClientFor(TestTenants.Globex.PlatformKey);

    public static TheoryData<string> GlobexKeys => new(TestTenants.Globex.PlatformKey, TestTenants.Globex.AdminKey);

    [Theory]
    [MemberData(nameof(GlobexKeys))]
    public async Task Another_tenants_ticket_and_customer_are_404(string globexKey)
    {
        var message = TestMessages.Valid();
        var ticketId = (await HttpAssert.JsonAsync(await _acme.PostMessageAsync(message), 201)).GetProperty("ticketId").GetString()!;
        var customerId = (await HttpAssert.JsonAsync(await _acme.GetTicketAsync(ticketId), 200)).GetProperty("customerId").GetString()!;
        var globex = factory.ClientFor(globexKey);

        await HttpAssert.ProblemAsync(await globex.GetTicketAsync(ticketId), 404, "Not found", "No ticket with that id exists for this tenant.");
        await HttpAssert.ProblemAsync(await globex.GetAsync($"/v1/customers/{customerId}"), 404, "Not found", "No customer with that id exists for this tenant.");
        await HttpAssert.ProblemAsync(await globex.GetCustomerByEmailAsync(message.FromEmail()), 404, "Not found", "No customer with that id exists for this tenant.");
    }

    [Fact]
    public async Task Same_message_in_two_tenants_opens_two_independent_tickets()
    {
        var message = TestMessages.Valid();
        var globexMessage = TestMessages.Valid(message.MessageId(), message.FromEmail());
        globexMessage["subject"] = "Globex copy";

        var acmeCreated = await HttpAssert.JsonAsync(await _acme.PostMessageAsync(message), 201);
        var globexCreated = await HttpAssert.JsonAsync(await _globex.PostMessageAsync(globexMessage), 201);

        var acmeTicketId = acmeCreated.GetProperty("ticketId").GetString()!;
        var globexTicketId = globexCreated.GetProperty("ticketId").GetString()!;
        Assert.NotEqual(acmeTicketId, globexTicketId);
        var acmeTicket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(acmeTicketId), 200);
        var globexTicket = await HttpAssert.JsonAsync(await _globex.GetTicketAsync(globexTicketId), 200);
        Assert.Equal("Where is my order?", acmeTicket.GetProperty("messages")[0].GetProperty("subject").GetString());
        Assert.Equal("Globex copy", globexTicket.GetProperty("messages")[0].GetProperty("subject").GetString());
        Assert.NotEqual(acmeTicket.GetProperty("customerId").GetString(), globexTicket.GetProperty("customerId").GetString());
        await HttpAssert.ProblemAsync(await _globex.GetTicketAsync(acmeTicketId), 404);
        await HttpAssert.ProblemAsync(await _acme.GetTicketAsync(globexTicketId), 404);

        // Each tenant's customer lists only that tenant's ticket.
        Assert.Equal([acmeTicketId], await TicketIdsOf(_acme, message.FromEmail()));
        Assert.Equal([globexTicketId], await TicketIdsOf(_globex, message.FromEmail()));
    }

    [Fact]
    public async Task Message_id_used_in_one_tenant_is_free_for_another_sender_in_another()
    {
        var message = TestMessages.Valid();
        await HttpAssert.JsonAsync(await _acme.PostMessageAsync(message), 201);

        var response = await _globex.PostMessageAsync(TestMessages.Valid(message.MessageId(), TestMessages.UniqueEmail("other")));

        await HttpAssert.JsonAsync(response, 201);
    }

    private static async Task<string[]> TicketIdsOf(HttpClient client, string email)
    {
        var customer = await HttpAssert.JsonAsync(await client.GetCustomerByEmailAsync(email), 200);
        return customer.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("ticketId").GetString()!).ToArray();
    }
}
