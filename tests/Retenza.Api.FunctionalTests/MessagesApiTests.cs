using System.Text.Json;
using System.Text.Json.Nodes;
using Retenza.Tickets;

namespace Retenza.Api.FunctionalTests;

/// <summary>POST /v1/messages: a new message opens a ticket; the same message again changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class MessagesApiTests(RetenzaApiFactory factory)
{
    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);

    [Fact]
    public async Task New_message_answers_201_with_location_and_routing_summary()
    {
        var message = TestMessages.Valid();

        var response = await _acme.PostMessageAsync(message);

        var body = await HttpAssert.JsonAsync(response, 201);
        Assert.Equal(["ticketId", "status", "route", "queue"], body.PropertyNames());
        var ticketId = body.GetProperty("ticketId").GetString()!;
        Assert.Matches("^tkt-[a-z2-7]{24}$", ticketId);
        // The "nothing stored" checks elsewhere rely on this derivation; pin it here.
        Assert.Equal(TicketIds.ForMessage(TestTenants.Acme.Name, message.MessageId()), ticketId);
        // RT-10001 was never pushed: order_not_found holds the draft for review.
        Assert.Equal("awaiting_review", body.GetProperty("status").GetString());
        Assert.Equal("review", body.GetProperty("route").GetString());
        Assert.Equal("review", body.GetProperty("queue").GetString());
        Assert.Equal($"/v1/tickets/{ticketId}", response.Headers.Location?.OriginalString);

        var ticket = await HttpAssert.JsonAsync(await _acme.GetAsync(response.Headers.Location), 200);
        Assert.Equal(ticketId, ticket.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Replay_answers_200_with_the_same_body_and_creates_nothing()
    {
        var message = TestMessages.Valid();
        var first = await _acme.PostMessageAsync(message);
        var created = await HttpAssert.JsonAsync(first, 201);

        var replay = await _acme.PostMessageAsync(message);

        var replayed = await HttpAssert.JsonAsync(replay, 200);
        Assert.True(JsonElement.DeepEquals(created, replayed), $"{created} != {replayed}");
        Assert.Null(replay.Headers.Location);
        await AssertSingleTicketAsync(message.FromEmail(), created.GetProperty("ticketId").GetString()!);
    }

    [Fact]
    public async Task Replay_with_different_content_keeps_the_original_message()
    {
        var message = TestMessages.Valid();
        var ticketId = (await HttpAssert.JsonAsync(await _acme.PostMessageAsync(message), 201)).GetProperty("ticketId").GetString()!;
        var altered = (JsonObject)message.DeepClone();
        altered["text"] = "A retry must not rewrite what was received.";
        altered["subject"] = "Changed";

        var replayed = await HttpAssert.JsonAsync(await _acme.PostMessageAsync(altered), 200);

        Assert.Equal(ticketId, replayed.GetProperty("ticketId").GetString());
        var ticket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(ticketId), 200);
        var only = Assert.Single(ticket.GetProperty("messages").EnumerateArray());
        Assert.Equal("Hello, order RT-10001 has not arrived yet.", only.GetProperty("text").GetString());
        Assert.Equal("Where is my order?", only.GetProperty("subject").GetString());
    }

    [Theory]
    [InlineData("<{0}>", "{0}")]
    [InlineData("{0}", "<{0}>")]
    [InlineData("{0}", "  <{0}>  ")]
    public async Task Message_id_with_or_without_angle_brackets_is_the_same_message(string firstForm, string secondForm)
    {
        var bare = TestMessages.UniqueId();
        var email = TestMessages.UniqueEmail();
        var created = await HttpAssert.JsonAsync(
            await _acme.PostMessageAsync(TestMessages.Valid(string.Format(null, firstForm, bare), email)), 201);

        var replayed = await HttpAssert.JsonAsync(
            await _acme.PostMessageAsync(TestMessages.Valid(string.Format(null, secondForm, bare), email)), 200);

        var ticketId = created.GetProperty("ticketId").GetString()!;
        Assert.Equal(ticketId, replayed.GetProperty("ticketId").GetString());
        var ticket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(ticketId), 200);
        Assert.Equal(bare, Assert.Single(ticket.GetProperty("messages").EnumerateArray()).GetProperty("messageId").GetString());
        var customer = await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(email), 200);
        Assert.Equal(bare, Assert.Single(customer.GetProperty("tickets").EnumerateArray()).GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task Replay_from_the_same_sender_in_another_letter_case_is_still_a_replay()
    {
        var email = TestMessages.UniqueEmail();
        var message = TestMessages.Valid(fromEmail: email);
        var created = await HttpAssert.JsonAsync(await _acme.PostMessageAsync(message), 201);
        message["from"]!["email"] = email.ToUpperInvariant();

        var replayed = await HttpAssert.JsonAsync(await _acme.PostMessageAsync(message), 200);

        Assert.Equal(created.GetProperty("ticketId").GetString(), replayed.GetProperty("ticketId").GetString());
    }

    [Fact]
    public async Task Same_message_id_from_another_sender_is_409_and_changes_nothing()
    {
        var original = TestMessages.Valid();
        var ticketId = (await HttpAssert.JsonAsync(await _acme.PostMessageAsync(original), 201)).GetProperty("ticketId").GetString()!;
        var intruderEmail = TestMessages.UniqueEmail("intruder");
        // Sent in the bracketed form: the conflict must be detected after normalisation.
        var reused = TestMessages.Valid($"<{original.MessageId()}>", intruderEmail);

        var response = await _acme.PostMessageAsync(reused);

        await HttpAssert.ProblemAsync(response, 409, "Message id already used",
            $"Message '{original.MessageId()}' was already ingested from a different sender; message ids must be unique per tenant.");
        await HttpAssert.ProblemAsync(await _acme.GetCustomerByEmailAsync(intruderEmail), 404);
        await AssertSingleTicketAsync(original.FromEmail(), ticketId);
        var ticket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(ticketId), 200);
        Assert.Equal(original.FromEmail(), ticket.GetProperty("messages")[0].GetProperty("from").GetProperty("email").GetString());
    }

    [Fact]
    public async Task Twenty_identical_posts_in_parallel_open_exactly_one_ticket()
    {
        var message = TestMessages.Valid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _acme.PostMessageAsync(message)));

        var statuses = responses.Select(r => (int)r.StatusCode).Order().ToArray();
        Assert.Equal([.. Enumerable.Repeat(200, 19), 201], statuses);
        var ticketIds = await Task.WhenAll(responses.Select(async r => HttpAssert.Parse(await r.Content.ReadAsStringAsync()).GetProperty("ticketId").GetString()));
        var ticketId = Assert.Single(ticketIds.Distinct())!;
        await AssertSingleTicketAsync(message.FromEmail(), ticketId);
    }

    [Fact]
    public async Task Two_senders_racing_for_one_message_id_one_wins_the_other_gets_409()
    {
        var messageId = TestMessages.UniqueId();
        var (alice, bob) = (TestMessages.UniqueEmail("alice"), TestMessages.UniqueEmail("bob"));
        var posts = Enumerable.Range(0, 20).Select(i => (Sender: i % 2 == 0 ? alice : bob, Message: TestMessages.Valid(messageId, i % 2 == 0 ? alice : bob))).ToArray();

        var responses = await Task.WhenAll(posts.Select(p => _acme.PostMessageAsync(p.Message)));

        var bySender = posts.Zip(responses).ToLookup(x => x.First.Sender, x => (int)x.Second.StatusCode);
        Assert.Equal(1, responses.Count(r => (int)r.StatusCode == 201));
        var winner = bySender[alice].Contains(201) ? alice : bob;
        var loser = winner == alice ? bob : alice;
        Assert.All(bySender[winner], s => Assert.Contains(s, new[] { 200, 201 }));
        Assert.All(bySender[loser], s => Assert.Equal(409, s));
        await HttpAssert.ProblemAsync(await _acme.GetCustomerByEmailAsync(loser), 404);
        await AssertSingleTicketAsync(winner, TicketIds.ForMessage(TestTenants.Acme.Name, messageId));
    }

    [Fact]
    public async Task Html_only_message_is_accepted_and_its_text_extracted()
    {
        var message = TestMessages.Valid();
        message.Remove("text");
        message["html"] = "<p>Where is <b>my</b> order?</p><p>Tom &amp; Jerry</p>";

        var ticketId = (await HttpAssert.JsonAsync(await _acme.PostMessageAsync(message), 201)).GetProperty("ticketId").GetString()!;

        var ticket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(ticketId), 200);
        var stored = ticket.GetProperty("messages")[0];
        Assert.Equal("Where is my order? Tom & Jerry", stored.GetProperty("text").GetString());
        Assert.Equal("<p>Where is <b>my</b> order?</p><p>Tom &amp; Jerry</p>", stored.GetProperty("html").GetString());
    }

    [Fact]
    public async Task Subject_of_exactly_998_characters_is_accepted()
    {
        var message = TestMessages.Valid();
        message["subject"] = new string('s', 998);

        var ticketId = (await HttpAssert.JsonAsync(await _acme.PostMessageAsync(message), 201)).GetProperty("ticketId").GetString()!;

        var ticket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(ticketId), 200);
        Assert.Equal(998, ticket.GetProperty("messages")[0].GetProperty("subject").GetString()!.Length);
    }

    [Fact]
    public async Task Minimal_message_gets_defaults_for_every_optional_field()
    {
        var email = TestMessages.UniqueEmail();
        var messageId = TestMessages.UniqueId();
        var before = DateTimeOffset.UtcNow;

        var response = await _acme.PostMessageAsync(new JsonObject
        {
            ["messageId"] = messageId,
            ["from"] = new JsonObject { ["email"] = email },
            ["text"] = "  Is this\n  thing on?  ",
        });

        var after = DateTimeOffset.UtcNow;
        var ticketId = (await HttpAssert.JsonAsync(response, 201)).GetProperty("ticketId").GetString()!;
        var ticket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(ticketId), 200);
        var stored = ticket.GetProperty("messages")[0];
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("from").GetProperty("name").ValueKind);
        Assert.Empty(stored.GetProperty("to").EnumerateArray());
        Assert.Equal("", stored.GetProperty("subject").GetString());
        Assert.Equal("  Is this\n  thing on?  ", stored.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("html").ValueKind);
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("inReplyTo").ValueKind);
        Assert.Empty(stored.GetProperty("references").EnumerateArray());
        // Without receivedAt the message is stamped with the time the API received it.
        Assert.InRange(stored.GetProperty("at").GetDateTimeOffset(), before, after);
        // With no subject the summary falls back to the text, whitespace collapsed.
        Assert.Equal("Customer writes about something outside our support topics", ticket.GetProperty("assessment").GetProperty("summary").GetString());
        var customer = await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(email), 200);
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("tickets")[0].GetProperty("orderId").ValueKind);
    }

    [Fact]
    public async Task Admin_key_may_ingest()
    {
        var admin = factory.ClientFor(TestTenants.Acme.AdminKey);

        var body = await HttpAssert.JsonAsync(await admin.PostMessageAsync(TestMessages.Valid()), 201);

        Assert.Equal("awaiting_review", body.GetProperty("status").GetString());
    }

    private async Task AssertSingleTicketAsync(string email, string ticketId)
    {
        var customer = await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(email), 200);
        Assert.Equal(ticketId, Assert.Single(customer.GetProperty("tickets").EnumerateArray()).GetProperty("ticketId").GetString());
        var ticket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(ticketId), 200);
        Assert.Single(ticket.GetProperty("messages").EnumerateArray());
        Assert.Equal(3, ticket.GetProperty("audit").GetArrayLength());
    }
}
