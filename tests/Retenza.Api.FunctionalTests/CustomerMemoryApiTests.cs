using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Retenza.Api.FunctionalTests;

/// <summary>Issue 4 through the API: sequences of emails from one customer, threading, VIP, concurrency.</summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerMemoryApiTests(RetenzaApiFactory factory)
{
    private const string Calm = "Hello, I would like to know how to change my password.";
    private const string Low = "I am a bit disappointed, the package is late.";
    private const string Medium = "I am frustrated, the package is still late.";

    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);

    private static JsonObject Message(string email, string text, string? orderId = null, string subject = "Question")
    {
        var message = TestMessages.Valid(fromEmail: email);
        message["text"] = text;
        message["subject"] = subject;
        if (orderId is null)
        {
            message.Remove("orderId");
        }
        else
        {
            message["orderId"] = orderId;
        }

        return message;
    }

    private async Task<JsonElement> SendAsync(JsonObject message, int status = 201) =>
        await HttpAssert.JsonAsync(await _acme.PostMessageAsync(message), status);

    private async Task<JsonElement> TicketAsync(JsonElement summary) =>
        await HttpAssert.JsonAsync(await _acme.GetTicketAsync(summary.GetProperty("ticketId").GetString()!), 200);

    private static string[] Codes(JsonElement ticket) =>
        ticket.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToArray();

    [Fact]
    public async Task The_third_message_on_the_same_order_escalates_with_repeat_contact_citing_the_first_two()
    {
        var email = TestMessages.UniqueEmail();
        var order = $"RT-{Random.Shared.Next(100000, 999999)}";
        var first = Message(email, $"Where is my order {order}?", order);
        var second = Message(email, $"Any news on {order}?", order);
        var third = Message(email, $"Still nothing for {order}.", order);

        var opened = await SendAsync(first);
        var joined = await SendAsync(second, 200);
        var last = await SendAsync(third, 200);

        var id = opened.GetProperty("ticketId").GetString();
        Assert.Equal(id, joined.GetProperty("ticketId").GetString());
        Assert.Equal(id, last.GetProperty("ticketId").GetString());
        var ticket = await TicketAsync(last);
        Assert.Equal("escalated", ticket.GetProperty("status").GetString());
        Assert.Equal("priority", ticket.GetProperty("queue").GetString());
        var repeat = ticket.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "repeat_contact");
        var evidence = repeat.GetProperty("evidence").Strings();
        Assert.Equal(2, evidence.Length);
        Assert.Contains(evidence, e => e.Contains(first.MessageId(), StringComparison.Ordinal) && e.Contains($"same order {order}", StringComparison.Ordinal));
        Assert.Contains(evidence, e => e.Contains(second.MessageId(), StringComparison.Ordinal));
        Assert.All(evidence, e => Assert.StartsWith(id!, e, StringComparison.Ordinal));
        Assert.Equal(3, ticket.GetProperty("messages").GetArrayLength());

        // The briefing: earlier contacts with ids, dates, intents and outcomes, and the flags.
        var customer = ticket.GetProperty("assessment").GetProperty("details").GetProperty("customer");
        Assert.True(customer.GetProperty("repeatContact").GetBoolean());
        var earlier = customer.GetProperty("earlierContacts").EnumerateArray().ToArray();
        Assert.Equal([second.MessageId(), first.MessageId()], earlier.Select(c => c.GetProperty("messageId").GetString()!));
        Assert.All(earlier, c => Assert.Equal(id, c.GetProperty("ticketId").GetString()));
        Assert.All(earlier, c => Assert.Equal("awaiting_review", c.GetProperty("outcome").GetString())); // as each contact left it: order not found
        Assert.All(earlier, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("intent").GetString())));
        Assert.Equal(1, customer.GetProperty("openTickets").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, customer.GetProperty("firstContactAt").ValueKind);
    }

    [Fact]
    public async Task A_reply_threads_by_in_reply_to_and_by_subject_reference()
    {
        var email = TestMessages.UniqueEmail();
        var first = Message(email, Calm);
        var opened = await SendAsync(first);
        var id = opened.GetProperty("ticketId").GetString()!;
        var byHeader = Message(email, "Sorry, one more thing.");
        byHeader["inReplyTo"] = $"<{first.MessageId()}>";
        var bySubject = Message(email, "And another.", subject: $"Re: [{id}] Question");

        var viaHeader = await SendAsync(byHeader, 200);
        var viaSubject = await SendAsync(bySubject, 200);

        Assert.Equal(id, viaHeader.GetProperty("ticketId").GetString());
        Assert.Equal(id, viaSubject.GetProperty("ticketId").GetString());
        var ticket = await TicketAsync(opened);
        Assert.Equal([first.MessageId(), byHeader.MessageId(), bySubject.MessageId()],
            ticket.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("messageId").GetString()!));

        // A retried reply is answered again, never appended twice.
        var replay = await SendAsync(byHeader, 200);
        Assert.Equal(id, replay.GetProperty("ticketId").GetString());
        Assert.Equal(3, (await TicketAsync(opened)).GetProperty("messages").GetArrayLength());
        var customer = await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(email), 200);
        Assert.Single(customer.GetProperty("tickets").EnumerateArray());
        Assert.Equal(3, customer.GetProperty("contacts").GetArrayLength());
    }

    [Fact]
    public async Task Rising_frustration_across_contacts_escalates_to_the_priority_queue()
    {
        var email = TestMessages.UniqueEmail();
        await SendAsync(Message(email, Calm));
        await SendAsync(Message(email, Low));

        var third = await TicketAsync(await SendAsync(Message(email, Medium)));

        Assert.Contains("rising_frustration", Codes(third));
        Assert.DoesNotContain("high_frustration", Codes(third));
        Assert.Equal("escalated", third.GetProperty("status").GetString());
        Assert.Equal("priority", third.GetProperty("queue").GetString());
        Assert.Equal("rising", third.GetProperty("assessment").GetProperty("details").GetProperty("customer").GetProperty("trend").GetString());
        var customer = await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(email), 200);
        Assert.Equal("rising", customer.GetProperty("trend").GetString());
    }

    [Fact]
    public async Task The_same_complaint_goes_to_review_for_a_customer_and_to_priority_for_a_vip()
    {
        var plain = TestMessages.UniqueEmail();
        var vip = TestMessages.UniqueEmail();
        await HttpAssert.JsonAsync(await PutCustomerAsync(vip, """{"vip":true}"""), 201);

        var normal = await TicketAsync(await SendAsync(Message(plain, Medium)));
        var special = await TicketAsync(await SendAsync(Message(vip, Medium)));

        Assert.DoesNotContain("vip_negative", Codes(normal));
        Assert.NotEqual("priority", normal.GetProperty("queue").GetString());
        Assert.Contains("vip_negative", Codes(special));
        Assert.Equal("priority", special.GetProperty("queue").GetString());
        Assert.True(special.GetProperty("assessment").GetProperty("details").GetProperty("customer").GetProperty("vip").GetBoolean());
    }

    [Fact]
    public async Task Lifetime_value_at_the_policy_amount_makes_a_vip_without_the_flag()
    {
        var email = TestMessages.UniqueEmail();
        var put = await HttpAssert.JsonAsync(await PutCustomerAsync(email, """{"lifetimeValue":5000}"""), 201);
        Assert.False(put.GetProperty("vip").GetBoolean());
        Assert.True(put.GetProperty("isVip").GetBoolean());

        var ticket = await TicketAsync(await SendAsync(Message(email, Medium)));

        Assert.Equal("priority", ticket.GetProperty("queue").GetString());
        Assert.Contains("vip_negative", Codes(ticket));
    }

    [Fact]
    public async Task Put_creates_then_updates_and_an_identical_put_changes_nothing()
    {
        var email = TestMessages.UniqueEmail();

        var created = await HttpAssert.JsonAsync(await PutCustomerAsync(email, """{"name":"Grace Hopper","vip":true,"lifetimeValue":120.50,"externalId":"shop-42"}"""), 201);
        var updated = await HttpAssert.JsonAsync(await PutCustomerAsync(email.ToUpperInvariant(), """{"vip":false}"""), 200);
        var again = await HttpAssert.JsonAsync(await PutCustomerAsync(email, """{"vip":false}"""), 200);

        Assert.Equal(email, created.GetProperty("email").GetString());
        Assert.Equal("Grace Hopper", created.GetProperty("name").GetString());
        Assert.Equal("shop-42", created.GetProperty("externalId").GetString());
        Assert.True(created.GetProperty("vip").GetBoolean());
        Assert.False(updated.GetProperty("vip").GetBoolean());
        Assert.Equal(120.50m, updated.GetProperty("lifetimeValue").GetDecimal());
        Assert.Equal("Grace Hopper", updated.GetProperty("name").GetString());
        Assert.True(JsonElement.DeepEquals(updated, again));
        Assert.Equal(created.GetProperty("id").GetString(), (await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(email), 200)).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("""{"lifetimeValue":-1}""", "lifetimeValue")]
    [InlineData("""{"name":"   "}""", "name")]
    [InlineData("""{"externalId":""}""", "externalId")]
    public async Task Put_with_invalid_fields_is_a_validation_problem_and_creates_nothing(string body, string field)
    {
        var email = TestMessages.UniqueEmail();

        var errors = await HttpAssert.ValidationProblemAsync(await PutCustomerAsync(email, body), "The customer is not valid");

        Assert.Contains(field, errors.Keys);
        await HttpAssert.ProblemAsync(await _acme.GetCustomerByEmailAsync(email), 404);
    }

    [Fact]
    public async Task Put_rejects_unknown_fields_bad_addresses_and_other_media_types()
    {
        var email = TestMessages.UniqueEmail();

        await HttpAssert.ProblemAsync(await PutCustomerAsync(email, """{"vipp":true}"""), 400);
        await HttpAssert.ProblemAsync(await PutCustomerAsync("not-an-email", """{"vip":true}"""), 400);
        var text = await _acme.PutAsync($"/v1/customers/by-email/{Uri.EscapeDataString(email)}", new StringContent("vip", Encoding.UTF8, "text/plain"));
        await HttpAssert.ProblemAsync(text, 415);
        await HttpAssert.ProblemAsync(await _acme.GetCustomerByEmailAsync(email), 404);
    }

    [Fact]
    public async Task Two_messages_sent_at_once_both_land_and_the_later_one_sees_the_earlier()
    {
        var email = TestMessages.UniqueEmail();

        var results = await Task.WhenAll(_acme.PostMessageAsync(Message(email, Calm)), _acme.PostMessageAsync(Message(email, Low)));

        Assert.All(results, r => Assert.Equal(201, (int)r.StatusCode));
        var customer = await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(email), 200);
        var contacts = customer.GetProperty("contacts").EnumerateArray().ToArray();
        Assert.Equal(2, contacts.Length);
        var later = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(contacts[1].GetProperty("ticketId").GetString()!), 200);
        var seen = later.GetProperty("assessment").GetProperty("details").GetProperty("customer").GetProperty("earlierContacts");
        Assert.Equal(contacts[0].GetProperty("ticketId").GetString(), Assert.Single(seen.EnumerateArray()).GetProperty("ticketId").GetString());
    }

    private Task<HttpResponseMessage> PutCustomerAsync(string email, string json) =>
        _acme.PutAsync($"/v1/customers/by-email/{Uri.EscapeDataString(email)}", new StringContent(json, Encoding.UTF8, "application/json"));
}
