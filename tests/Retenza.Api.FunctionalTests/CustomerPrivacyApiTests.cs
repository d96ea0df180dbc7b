using System.Text.Json;
using System.Text.Json.Nodes;

namespace Retenza.Api.FunctionalTests;

/// <summary>Issue 4 privacy: GET /v1/customers/{id}/export and DELETE /v1/customers/{id} (right to erasure).</summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerPrivacyApiTests(RetenzaApiFactory factory)
{
    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);
    private readonly HttpClient _globex = factory.ClientFor(TestTenants.Globex.PlatformKey);

    private async Task<(string CustomerId, string[] TicketIds)> CustomerWithTwoTicketsAsync(string email)
    {
        var first = TestMessages.Valid(fromEmail: email);
        first["text"] = "My name is Ada, I live at 12 Crescent Road. Where is RT-10001?";
        var second = TestMessages.Valid(fromEmail: email);
        second.Remove("orderId");
        second["subject"] = "Gift cards";
        second["text"] = "Do you sell gift cards?";
        var a = await HttpAssert.JsonAsync(await _acme.PostMessageAsync(first), 201);
        var b = await HttpAssert.JsonAsync(await _acme.PostMessageAsync(second), 201);
        var customer = await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(email), 200);
        return (customer.GetProperty("id").GetString()!, [a.GetProperty("ticketId").GetString()!, b.GetProperty("ticketId").GetString()!]);
    }

    [Fact]
    public async Task Export_returns_the_customer_and_every_ticket_with_its_messages()
    {
        var email = TestMessages.UniqueEmail();
        var (id, tickets) = await CustomerWithTwoTicketsAsync(email);

        var export = await HttpAssert.JsonAsync(await _acme.GetAsync($"/v1/customers/{id}/export"), 200);

        Assert.Equal(email, export.GetProperty("customer").GetProperty("email").GetString());
        Assert.Equal(2, export.GetProperty("customer").GetProperty("contacts").GetArrayLength());
        Assert.Equal(tickets.Order(), export.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).Order());
        Assert.Contains(export.GetProperty("tickets").EnumerateArray(),
            t => t.GetProperty("messages")[0].GetProperty("text").GetString()!.Contains("Crescent Road", StringComparison.Ordinal));
        Assert.NotEqual(JsonValueKind.Null, export.GetProperty("exportedAt").ValueKind);
    }

    [Fact]
    public async Task Erasure_removes_personal_data_from_the_customer_and_tickets_but_keeps_the_audit_and_counts()
    {
        var email = TestMessages.UniqueEmail();
        var (id, tickets) = await CustomerWithTwoTicketsAsync(email);
        var before = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(tickets[0]), 200);
        var auditBefore = before.GetProperty("audit").GetArrayLength();
        var codesBefore = before.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToArray();
        Assert.NotEmpty(codesBefore);

        var response = await _acme.DeleteAsync($"/v1/customers/{id}");

        Assert.Equal(204, (int)response.StatusCode);
        var customer = await HttpAssert.JsonAsync(await _acme.GetAsync($"/v1/customers/{id}"), 200);
        Assert.Equal("", customer.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("name").ValueKind);
        Assert.Empty(customer.GetProperty("tickets").EnumerateArray());
        Assert.Empty(customer.GetProperty("contacts").EnumerateArray());
        Assert.Equal(2, customer.GetProperty("older").GetProperty("contacts").GetInt32());
        Assert.Equal(2, customer.GetProperty("earlierTickets").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, customer.GetProperty("erasedAt").ValueKind);
        foreach (var ticketId in tickets)
        {
            var ticket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(ticketId), 200);
            var text = ticket.GetRawText();
            Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Crescent", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Ada", text, StringComparison.Ordinal);
            Assert.All(ticket.GetProperty("messages").EnumerateArray(), m => Assert.Equal("[erased]", m.GetProperty("text").GetString()));
            Assert.Equal(JsonValueKind.Null, ticket.GetProperty("assessment").GetProperty("details").ValueKind);
        }

        var after = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(tickets[0]), 200);
        Assert.Equal(auditBefore, after.GetProperty("audit").GetArrayLength());
        Assert.Equal(codesBefore, after.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.All(after.GetProperty("reasons").EnumerateArray(), r => Assert.Empty(r.GetProperty("evidence").EnumerateArray()));

        // Erasing again is harmless; the export now holds nothing personal.
        Assert.Equal(204, (int)(await _acme.DeleteAsync($"/v1/customers/{id}")).StatusCode);
        var export = await HttpAssert.JsonAsync(await _acme.GetAsync($"/v1/customers/{id}/export"), 200);
        Assert.Empty(export.GetProperty("tickets").EnumerateArray());
        Assert.DoesNotContain(email, export.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_malformed_or_other_tenants_customers_are_not_found()
    {
        var (id, tickets) = await CustomerWithTwoTicketsAsync(TestMessages.UniqueEmail());

        await HttpAssert.ProblemAsync(await _acme.DeleteAsync("/v1/customers/cus-aaaaaaaaaaaaaaaaaaaaaaaa"), 404);
        await HttpAssert.ProblemAsync(await _acme.DeleteAsync("/v1/customers/not-an-id"), 404);
        await HttpAssert.ProblemAsync(await _acme.GetAsync("/v1/customers/cus-aaaaaaaaaaaaaaaaaaaaaaaa/export"), 404);
        await HttpAssert.ProblemAsync(await _globex.DeleteAsync($"/v1/customers/{id}"), 404);
        await HttpAssert.ProblemAsync(await _globex.GetAsync($"/v1/customers/{id}/export"), 404);

        // The other tenant's attempt changed nothing.
        var ticket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(tickets[0]), 200);
        Assert.Contains("Crescent", ticket.GetRawText(), StringComparison.Ordinal);
    }
}
