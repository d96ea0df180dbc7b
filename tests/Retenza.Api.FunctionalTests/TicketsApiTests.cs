using System.Text.Json;
using System.Text.Json.Nodes;

namespace Retenza.Api.FunctionalTests;

/// <summary>GET /v1/tickets/{id}: the whole ticket as the triage-less pipeline leaves it.</summary>
[Collection(ApiCollection.Name)]
public sealed class TicketsApiTests(RetenzaApiFactory factory)
{
    private const string NotFoundDetail = "No ticket with that id exists for this tenant.";

    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);

    [Fact]
    public async Task Ticket_holds_the_message_as_received_with_ids_normalised()
    {
        var messageId = TestMessages.UniqueId();
        var message = TestMessages.Valid($"<{messageId}>");
        message["inReplyTo"] = "<parent@mail.test>";
        message["references"] = new JsonArray("<root@mail.test>", "parent@mail.test");
        message["html"] = "<p>Hello</p>";
        message["to"] = new JsonArray(" support@acme.test ", "orders@acme.test");

        var ticket = await IngestAndGetAsync(message);

        var stored = Assert.Single(ticket.GetProperty("messages").EnumerateArray());
        Assert.Equal(messageId, stored.GetProperty("messageId").GetString());
        Assert.Equal("inbound", stored.GetProperty("direction").GetString());
        Assert.Equal(message.FromEmail(), stored.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Ada Lovelace", stored.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal(["support@acme.test", "orders@acme.test"], stored.GetProperty("to").Strings());
        Assert.Equal("Where is my order?", stored.GetProperty("subject").GetString());
        Assert.Equal("Hello, order RT-10001 has not arrived yet.", stored.GetProperty("text").GetString());
        Assert.Equal("<p>Hello</p>", stored.GetProperty("html").GetString());
        Assert.Equal("parent@mail.test", stored.GetProperty("inReplyTo").GetString());
        Assert.Equal(["root@mail.test", "parent@mail.test"], stored.GetProperty("references").Strings());
        Assert.Equal(DateTimeOffset.Parse(TestMessages.ReceivedAt, null), stored.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Ticket_carries_the_full_assessment_of_its_message()
    {
        var message = TestMessages.Valid();
        var before = DateTimeOffset.UtcNow;

        var ticket = await IngestAndGetAsync(message);

        var after = DateTimeOffset.UtcNow;
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("claimedBy").ValueKind);
        var assessment = ticket.GetProperty("assessment");
        Assert.Equal(ticket.GetProperty("route").GetString(), assessment.GetProperty("route").GetString());
        Assert.Equal(ticket.GetProperty("queue").GetString(), assessment.GetProperty("queue").GetString());
        Assert.True(JsonElement.DeepEquals(ticket.GetProperty("reasons"), assessment.GetProperty("reasons")));
        Assert.StartsWith("intent-ngram-", assessment.GetProperty("modelVersion").GetString());
        Assert.Equal("default-2", assessment.GetProperty("policyVersion").GetString());
        Assert.InRange(assessment.GetProperty("assessedAt").GetDateTimeOffset(), before, after);
        Assert.InRange(ticket.GetProperty("createdAt").GetDateTimeOffset(), before, after);

        // "Where is my order? … RT-10001 has not arrived": a tracking question about an order acme never pushed.
        var details = assessment.GetProperty("details");
        Assert.Contains(details.GetProperty("intent").GetProperty("name").GetString(), new[] { "track_order", "delivery_delayed" });
        Assert.Equal("en", details.GetProperty("language").GetString());
        Assert.Equal("RT-10001", details.GetProperty("order").GetProperty("reference").GetString());
        Assert.False(details.GetProperty("order").GetProperty("found").GetBoolean());
        Assert.Contains("RT-10001 (order not found)", assessment.GetProperty("summary").GetString());
        Assert.Contains("order_not_found", ticket.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.NotEqual("auto", ticket.GetProperty("route").GetString());
        Assert.DoesNotContain("{", details.GetProperty("draft").GetProperty("text").GetString());
        var factors = details.GetProperty("confidence").GetProperty("breakdown").EnumerateArray().Select(f => f.GetProperty("name").GetString());
        Assert.Equal(["intent_probability", "data_completeness", "draft_checks", "language_match"], factors);
    }

    [Fact]
    public async Task Audit_trail_is_received_then_triaged_then_routed_by_system()
    {
        var ticket = await IngestAndGetAsync(TestMessages.Valid());

        var audit = ticket.GetProperty("audit").EnumerateArray().ToArray();
        Assert.Equal(3, audit.Length);
        Assert.All(audit, e => Assert.Equal("system", e.GetProperty("actor").GetString()));
        Assert.All(audit, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("note").ValueKind));
        Assert.Equal([null, "received", "triaged"], audit.Select(e => e.GetProperty("from").GetString()));
        Assert.Equal(["received", "triaged", ticket.GetProperty("status").GetString()], audit.Select(e => e.GetProperty("to").GetString()));
        var codes = ticket.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToArray();
        Assert.Equal([[], [], codes], audit.Select(e => e.GetProperty("reasonCodes").Strings()));
        Assert.Equal([null, "default-2", "default-2"], audit.Select(e => e.GetProperty("policyVersion").GetString()));

        var times = audit.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToArray();
        Assert.Equal(times.Order(), times);
        Assert.Equal(ticket.GetProperty("createdAt").GetDateTimeOffset(), times[0]);
        Assert.Equal(ticket.GetProperty("assessment").GetProperty("assessedAt").GetDateTimeOffset(), times[2]);
        Assert.Equal(ticket.GetProperty("updatedAt").GetDateTimeOffset(), times[2]);
    }

    [Fact]
    public async Task Ticket_names_the_customer_who_wrote_it()
    {
        var message = TestMessages.Valid();

        var ticket = await IngestAndGetAsync(message);

        var customer = await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(message.FromEmail()), 200);
        Assert.Equal(customer.GetProperty("id").GetString(), ticket.GetProperty("customerId").GetString());
    }

    [Fact]
    public async Task Admin_key_may_read_tickets()
    {
        var created = await HttpAssert.JsonAsync(await _acme.PostMessageAsync(TestMessages.Valid()), 201);
        var ticketId = created.GetProperty("ticketId").GetString()!;

        var ticket = await HttpAssert.JsonAsync(await factory.ClientFor(TestTenants.Acme.AdminKey).GetTicketAsync(ticketId), 200);

        Assert.Equal(ticketId, ticket.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("tkt-aaaaaaaaaaaaaaaaaaaaaaaa")]                     // well-formed, never created
    [InlineData("tkt-abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwx")] // 64 chars: the longest well-formed id
    [InlineData("tkt-abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxy")] // 65 chars
    [InlineData("tkt-")]
    [InlineData("TKT-aaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("cus-aaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("not-a-ticket")]
    [InlineData("tkt-abc_def")]
    [InlineData("tkt-abc.def")]
    [InlineData("tkt-abc/def")]                                      // escaped: must not reach another grain key
    [InlineData("tkt-é")]
    public async Task Unknown_or_ill_formed_ticket_id_is_404(string id)
    {
        var response = await _acme.GetTicketAsync(id);

        await HttpAssert.ProblemAsync(response, 404, "Not found", NotFoundDetail);
    }

    private async Task<JsonElement> IngestAndGetAsync(JsonObject message)
    {
        var created = await HttpAssert.JsonAsync(await _acme.PostMessageAsync(message), 201);
        var ticket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(created.GetProperty("ticketId").GetString()!), 200);
        Assert.Equal(created.GetProperty("ticketId").GetString(), ticket.GetProperty("id").GetString());
        return ticket;
    }
}
