using System.Text.Json;

namespace Retenza.Api.FunctionalTests;

/// <summary>GET /v1/customers/{id} and /v1/customers/by-email/{email}: who wrote, and which tickets they opened.</summary>
[Collection(ApiCollection.Name)]
public sealed class CustomersApiTests(RetenzaApiFactory factory)
{
    private const string NotFoundDetail = "No customer with that id exists for this tenant.";

    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);

    [Fact]
    public async Task Customer_by_email_and_by_id_describe_the_sender_and_their_ticket()
    {
        var email = TestMessages.UniqueEmail();
        var message = TestMessages.Valid(fromEmail: email);
        var before = DateTimeOffset.UtcNow;
        var ticketId = await IngestAsync(message);
        var after = DateTimeOffset.UtcNow;

        var byEmail = await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(email), 200);

        var id = byEmail.GetProperty("id").GetString()!;
        Assert.Matches("^cus-[a-z2-7]{24}$", id);
        Assert.Equal(email, byEmail.GetProperty("email").GetString());
        Assert.Equal("Ada Lovelace", byEmail.GetProperty("name").GetString());
        Assert.InRange(byEmail.GetProperty("firstContactAt").GetDateTimeOffset(), before, after);
        var ticket = Assert.Single(byEmail.GetProperty("tickets").EnumerateArray());
        Assert.Equal(ticketId, ticket.GetProperty("ticketId").GetString());
        Assert.Equal(message.MessageId(), ticket.GetProperty("messageId").GetString());
        Assert.Equal("Where is my order?", ticket.GetProperty("subject").GetString());
        Assert.Equal("RT-10001", ticket.GetProperty("orderId").GetString());
        Assert.Equal(DateTimeOffset.Parse(TestMessages.ReceivedAt, null), ticket.GetProperty("openedAt").GetDateTimeOffset());

        var byId = await HttpAssert.JsonAsync(await _acme.GetAsync($"/v1/customers/{id}"), 200);
        Assert.True(JsonElement.DeepEquals(byEmail, byId), $"{byEmail} != {byId}");
    }

    [Theory]
    [InlineData("upper")]
    [InlineData("padded")]
    public async Task Lookup_by_email_ignores_letter_case_and_surrounding_spaces(string variant)
    {
        var email = TestMessages.UniqueEmail();
        await IngestAsync(TestMessages.Valid(fromEmail: email.ToUpperInvariant()));
        var asked = variant == "upper" ? email.ToUpperInvariant() : $"  {email}  ";

        var customer = await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(asked), 200);

        // Stored normalised, whatever case the sender used.
        Assert.Equal(email, customer.GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("plus+tag")]
    [InlineData("per%cent")]
    [InlineData("what?")]
    [InlineData("o'hara")]
    public async Task Lookup_by_email_with_url_special_characters_finds_the_customer(string localPart)
    {
        var email = $"{localPart}.{Guid.NewGuid():N}@shop.test";
        await IngestAsync(TestMessages.Valid(fromEmail: email));

        var customer = await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(email), 200);

        Assert.Equal(email, customer.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Lookup_by_email_in_the_query_finds_a_customer_whose_address_has_a_slash()
    {
        // ASP.NET leaves %2F encoded in route values, so such addresses are looked up with ?email=.
        var email = $"orders/returns.{Guid.NewGuid():N}@shop.test";
        await IngestAsync(TestMessages.Valid(fromEmail: email));

        var customer = await HttpAssert.JsonAsync(await _acme.GetAsync($"/v1/customers?email={Uri.EscapeDataString(email)}"), 200);

        Assert.Equal(email, customer.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Lookup_by_email_in_the_query_needs_a_valid_address()
    {
        await HttpAssert.ProblemAsync(await _acme.GetAsync("/v1/customers?email=not-an-email"), 400);
        await HttpAssert.ProblemAsync(await _acme.GetAsync("/v1/customers"), 400);
    }

    [Fact]
    public async Task Second_message_adds_a_ticket_and_keeps_the_name_and_first_contact()
    {
        var email = TestMessages.UniqueEmail();
        var first = await IngestAsync(TestMessages.Valid(fromEmail: email));
        var initial = await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(email), 200);
        var nameless = TestMessages.Valid(fromEmail: email);
        nameless["from"]!.AsObject().Remove("name");
        nameless["subject"] = "Second question";
        nameless.Remove("orderId");
        // About something else: a message naming the same open order would join the first ticket (issue 4).
        nameless["text"] = "Do you sell gift cards?";

        var second = await IngestAsync(nameless);

        var customer = await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(email), 200);
        Assert.Equal("Ada Lovelace", customer.GetProperty("name").GetString());
        Assert.Equal(initial.GetProperty("firstContactAt").GetDateTimeOffset(), customer.GetProperty("firstContactAt").GetDateTimeOffset());
        var tickets = customer.GetProperty("tickets").EnumerateArray().ToArray();
        Assert.Equal([first, second], tickets.Select(t => t.GetProperty("ticketId").GetString()));
        Assert.Equal(["Where is my order?", "Second question"], tickets.Select(t => t.GetProperty("subject").GetString()));
        Assert.Equal(JsonValueKind.Null, tickets[1].GetProperty("orderId").ValueKind);
    }

    [Fact]
    public async Task Admin_key_may_read_customers()
    {
        var email = TestMessages.UniqueEmail();
        await IngestAsync(TestMessages.Valid(fromEmail: email));

        var customer = await HttpAssert.JsonAsync(await factory.ClientFor(TestTenants.Acme.AdminKey).GetCustomerByEmailAsync(email), 200);

        Assert.Equal(email, customer.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Unknown_email_is_404()
    {
        var response = await _acme.GetCustomerByEmailAsync(TestMessages.UniqueEmail("never-wrote"));

        await HttpAssert.ProblemAsync(response, 404, "Not found", NotFoundDetail);
    }

    [Theory]
    [InlineData("cus-aaaaaaaaaaaaaaaaaaaaaaaa")]                     // well-formed, never created
    [InlineData("cus-")]
    [InlineData("CUS-aaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("tkt-aaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("customer-1")]
    [InlineData("cus-abc_def")]
    [InlineData("cus-abc/def")]
    [InlineData("cus-abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxy")] // 65 chars
    public async Task Unknown_or_ill_formed_customer_id_is_404(string id)
    {
        var response = await _acme.GetAsync($"/v1/customers/{Uri.EscapeDataString(id)}");

        await HttpAssert.ProblemAsync(response, 404, "Not found", NotFoundDetail);
    }

    [Theory]
    [InlineData("bad")]
    [InlineData("a@b")]
    [InlineData("Name <a@b.com>")]
    [InlineData("a@@b.com")]
    public async Task Lookup_by_malformed_email_is_400_naming_email(string email)
    {
        var response = await _acme.GetCustomerByEmailAsync(email);

        var errors = await HttpAssert.ValidationProblemAsync(response, "One or more validation errors occurred.");
        Assert.Equal(["email"], errors.Keys);
        Assert.Equal([$"'{email}' is not a valid email address."], errors["email"]);
    }

    private async Task<string> IngestAsync(System.Text.Json.Nodes.JsonObject message) =>
        (await HttpAssert.JsonAsync(await _acme.PostMessageAsync(message), 201)).GetProperty("ticketId").GetString()!;
}
