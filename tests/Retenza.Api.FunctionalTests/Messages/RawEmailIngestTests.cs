using System.Net.Http.Headers;
using System.Text;

namespace Retenza.Api.FunctionalTests.Messages;

/// <summary>POST /v1/messages with Content-Type: message/rfc822: the raw email, parsed and ingested like JSON.</summary>
[Collection(ApiCollection.Name)]
public sealed class RawEmailIngestTests(RetenzaApiFactory factory)
{
    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);

    [Fact]
    public async Task A_multipart_email_with_an_attachment_becomes_a_ticket_listing_the_attachment()
    {
        var (messageId, from) = (TestMessages.UniqueId("mime"), TestMessages.UniqueEmail("mime"));
        var raw = $"""
            Message-ID: <{messageId}>
            From: "Grace Hopper" <{from}>
            To: support@acme.test
            Subject: =?utf-8?q?Caf=C3=A9_mug_arrived_broken?=
            Date: Tue, 24 Nov 2026 10:00:00 +0000
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            The caf=E9 mug from RT-10006 arrived in pieces.
            --b1
            Content-Type: image/jpeg; name="mug.jpg"
            Content-Disposition: attachment; filename="mug.jpg"
            Content-Transfer-Encoding: base64

            /9j/4AAQSkZJRgABAQ==
            --b1--
            """;

        var response = await PostRaw(raw);

        var created = await HttpAssert.JsonAsync(response, 201);
        var ticket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(created.GetProperty("ticketId").GetString()!), 200);
        var first = ticket.GetProperty("messages")[0];
        Assert.Equal(messageId, first.GetProperty("messageId").GetString());
        Assert.Equal(from, first.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Café mug arrived broken", first.GetProperty("subject").GetString());
        Assert.Contains("The café mug from RT-10006 arrived in pieces.", first.GetProperty("text").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero), first.GetProperty("at").GetDateTimeOffset());
        var attachment = Assert.Single(first.GetProperty("attachments").EnumerateArray());
        Assert.Equal("mug.jpg", attachment.GetProperty("fileName").GetString());
        Assert.Equal("image/jpeg", attachment.GetProperty("contentType").GetString());
        Assert.DoesNotContain("/9j/4AAQ", await (await _acme.GetTicketAsync(created.GetProperty("ticketId").GetString()!)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_same_raw_email_twice_is_one_ticket()
    {
        var raw = Simple(TestMessages.UniqueId("mime"), TestMessages.UniqueEmail("mime"));

        var first = await HttpAssert.JsonAsync(await PostRaw(raw), 201);
        var second = await HttpAssert.JsonAsync(await PostRaw(raw), 200);

        Assert.Equal(first.GetProperty("ticketId").GetString(), second.GetProperty("ticketId").GetString());
    }

    [Fact]
    public async Task An_html_only_email_is_read_as_text()
    {
        var raw = $"""
            Message-ID: <{TestMessages.UniqueId("html")}>
            From: {TestMessages.UniqueEmail("html")}
            Subject: Where is it
            Content-Type: text/html; charset=utf-8

            <html><body><p>Where is my <b>order</b>?</p></body></html>
            """;

        var created = await HttpAssert.JsonAsync(await PostRaw(raw), 201);
        var ticket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(created.GetProperty("ticketId").GetString()!), 200);
        var first = ticket.GetProperty("messages")[0];
        Assert.Contains("<b>order</b>", first.GetProperty("html").GetString());
    }

    [Fact]
    public async Task Without_a_message_id_the_idempotency_key_makes_retries_safe()
    {
        var from = TestMessages.UniqueEmail("nokey");
        var raw = $"""
            From: {from}
            Subject: No id
            Content-Type: text/plain

            Hello there.
            """;

        await HttpAssert.ProblemAsync(await PostRaw(raw), 400, "No Message-ID",
            "The email has no Message-ID header; send an 'Idempotency-Key' header so a retry cannot create a second ticket.");
        await HttpAssert.ProblemAsync(await _acme.GetCustomerByEmailAsync(from), 404);

        var key = Guid.NewGuid().ToString("N");
        var first = await HttpAssert.JsonAsync(await PostRaw(raw, idempotencyKey: key), 201);
        var retry = await HttpAssert.JsonAsync(await PostRaw(raw, idempotencyKey: key), 200);
        Assert.Equal(first.GetProperty("ticketId").GetString(), retry.GetProperty("ticketId").GetString());
    }

    [Fact]
    public async Task The_order_id_can_be_given_in_the_query()
    {
        var created = await HttpAssert.JsonAsync(
            await PostRaw(Simple(TestMessages.UniqueId("q"), TestMessages.UniqueEmail("q")), query: "?orderId=RT-424242"), 201);

        var ticket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(created.GetProperty("ticketId").GetString()!), 200);
        Assert.Equal("RT-424242", ticket.GetProperty("assessment").GetProperty("details").GetProperty("order").GetProperty("reference").GetString());
    }

    [Fact]
    public async Task A_sender_that_is_not_an_address_is_400_and_stores_nothing()
    {
        var messageId = TestMessages.UniqueId("bad");
        var raw = $"""
            Message-ID: <{messageId}>
            From: not an address
            Subject: hi
            Content-Type: text/plain

            Hello.
            """;

        var problem = await HttpAssert.ProblemAsync(await PostRaw(raw), 400);

        Assert.NotNull(problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_raw_email_over_the_limit_is_413()
    {
        var raw = Simple(TestMessages.UniqueId("big"), TestMessages.UniqueEmail("big")) + new string('x', 300 * 1024);

        await HttpAssert.ProblemAsync(await PostRaw(raw), 413);
    }

    [Fact]
    public async Task An_empty_raw_email_is_400() =>
        await HttpAssert.ProblemAsync(await PostRaw(""), 400, "Empty body", "The request body must be a raw email (RFC 5322).");

    private static string Simple(string messageId, string from) => $"""
        Message-ID: <{messageId}>
        From: {from}
        To: support@acme.test
        Subject: Where is my order?
        Content-Type: text/plain; charset=utf-8

        Hello, my order has not arrived.
        """;

    private Task<HttpResponseMessage> PostRaw(string raw, string? idempotencyKey = null, string query = "")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(raw.Replace("\n", "\r\n")));
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages" + query) { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return _acme.SendAsync(request);
    }
}
