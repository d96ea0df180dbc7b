using System.Text;
using Retenza.Triage.Reading;

namespace Retenza.UnitTests.Triage.Reading;

public sealed class MimeEmailParserTests
{
    private static readonly MimeEmailParser Parser = new();

    /// <summary>Fixtures are written with \n; mail on the wire uses CRLF.</summary>
    private static byte[] Wire(string message, Encoding? encoding = null) =>
        (encoding ?? Encoding.ASCII).GetBytes(message.Replace("\r\n", "\n").Replace("\n", "\r\n"));

    private static ParsedMimeEmail Parse(string message, Encoding? encoding = null) =>
        Parser.Parse(new MemoryStream(Wire(message, encoding)));

    [Fact]
    public void A_plain_message_gives_every_header_the_caller_needs()
    {
        var email = Parse("""
            Message-ID: <m1@mail.example.com>
            From: "Ana Silva" <ana@example.com>
            To: Shop Support <support@shop.example>, orders@shop.example
            Subject: =?utf-8?Q?Broken_vase_=E2=80=93_RT-10006?=
            Date: Tue, 04 Nov 2025 10:15:00 +0100
            In-Reply-To: <r1@shop.example>
            References: <o1@shop.example> <r1@shop.example>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            My vase arrived broken.
            """);

        Assert.Equal("m1@mail.example.com", email.MessageId);
        Assert.Equal(new MimeMailbox("ana@example.com", "Ana Silva"), email.From);
        Assert.Equal([new MimeMailbox("support@shop.example", "Shop Support"), new MimeMailbox("orders@shop.example", null)], email.To);
        Assert.Equal("Broken vase – RT-10006", email.Subject);
        Assert.Equal(new DateTimeOffset(2025, 11, 4, 10, 15, 0, TimeSpan.FromHours(1)), email.Date);
        Assert.Equal("r1@shop.example", email.InReplyTo);
        Assert.Equal(["o1@shop.example", "r1@shop.example"], email.References);
        Assert.Equal("My vase arrived broken.", email.Text?.TrimEnd());
        Assert.Null(email.Html);
        Assert.Empty(email.Attachments);
    }

    [Fact]
    public void A_missing_message_id_and_date_are_reported_as_null_not_invented()
    {
        var email = Parse("""
            From: ana@example.com
            Subject: No id

            Hello
            """);

        Assert.Null(email.MessageId);
        Assert.Null(email.Date);
        Assert.Null(email.InReplyTo);
        Assert.Empty(email.References);
        Assert.Empty(email.To);
        Assert.Null(email.From.Name);
    }

    [Fact]
    public void An_iso_8859_1_body_and_encoded_headers_are_decoded()
    {
        var email = Parse("""
            From: =?iso-8859-1?Q?Jos=E9_Pe=F1a?= <jose@example.com>
            Subject: =?iso-8859-1?Q?Devoluci=F3n?=
            MIME-Version: 1.0
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: 8bit

            Quiero la devolución del pedido, señor.
            """, Encoding.Latin1);

        Assert.Equal("José Peña", email.From.Name);
        Assert.Equal("Devolución", email.Subject);
        Assert.Equal("Quiero la devolución del pedido, señor.", email.Text?.TrimEnd());
    }

    [Fact]
    public void Windows_1252_quoted_printable_gives_curly_quotes_and_the_euro_sign()
    {
        var email = Parse("""
            From: ana@example.com
            MIME-Version: 1.0
            Content-Type: text/plain; charset=windows-1252
            Content-Transfer-Encoding: quoted-printable

            It cost =80120 and the box said =93fragile=94.
            """);

        Assert.Equal("It cost €120 and the box said “fragile”.", email.Text?.TrimEnd());
    }

    [Fact]
    public void Windows_1252_bytes_mislabelled_as_iso_8859_1_are_repaired()
    {
        var email = Parse("""
            From: ana@example.com
            MIME-Version: 1.0
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            I paid =8050 =96 twice.
            """);

        Assert.Equal("I paid €50 – twice.", email.Text?.TrimEnd());
    }

    [Fact]
    public void A_base64_utf8_body_is_decoded()
    {
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes("Grüße aus München – 日本からも"));
        var email = Parse($"""
            From: ana@example.com
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            {body}
            """);

        Assert.Equal("Grüße aus München – 日本からも", email.Text);
    }

    [Fact]
    public void An_html_only_message_has_html_and_no_text()
    {
        var email = Parse("""
            From: ana@example.com
            MIME-Version: 1.0
            Content-Type: text/html; charset=utf-8

            <p>The lid is <b>missing</b>.</p>
            """);

        Assert.Null(email.Text);
        Assert.Contains("<b>missing</b>", email.Html);
        Assert.Equal("The lid is missing.", new EmailReader().Read(email.Subject, email.Text, email.Html).ScoringText);
    }

    [Fact]
    public void Multipart_alternative_gives_both_bodies()
    {
        var email = Parse("""
            From: ana@example.com
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=utf-8

            Plain version.
            --alt
            Content-Type: text/html; charset=utf-8

            <p>Html version.</p>
            --alt--
            """);

        Assert.Equal("Plain version.", email.Text?.TrimEnd());
        Assert.Contains("Html version.", email.Html);
        Assert.Empty(email.Attachments);
    }

    [Fact]
    public void Attachments_are_listed_with_their_decoded_size_and_inline_images_too()
    {
        var pdf = new byte[3000];
        new Random(7).NextBytes(pdf);
        var png = new byte[100];
        var email = Parse($"""
            From: ana@example.com
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="mix"

            --mix
            Content-Type: multipart/related; boundary="rel"

            --rel
            Content-Type: text/html; charset=utf-8

            <p>See <img src="cid:logo"></p>
            --rel
            Content-Type: image/png; name="logo.png"
            Content-Disposition: inline; filename="logo.png"
            Content-ID: <logo>
            Content-Transfer-Encoding: base64

            {Convert.ToBase64String(png)}
            --rel--
            --mix
            Content-Type: application/pdf; name="receipt.pdf"
            Content-Disposition: attachment; filename="receipt.pdf"
            Content-Transfer-Encoding: base64

            {Convert.ToBase64String(pdf, Base64FormattingOptions.InsertLineBreaks)}
            --mix
            Content-Type: application/octet-stream
            Content-Disposition: attachment

            raw
            --mix--
            """);

        Assert.Equal(
            [
                new AttachmentInfo("logo.png", "image/png", 100),
                new AttachmentInfo("receipt.pdf", "application/pdf", 3000),
                new AttachmentInfo("(unnamed)", "application/octet-stream", 3),
            ],
            email.Attachments);
        Assert.Null(email.Text);
        Assert.Contains("See", email.Html);
    }

    [Fact]
    public void A_forwarded_message_is_listed_and_its_text_appended_under_a_marker_the_reader_strips()
    {
        var email = Parse("""
            From: ana@example.com
            Subject: Fwd: Your order RT-10006
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="fwd"

            --fwd
            Content-Type: text/plain; charset=utf-8

            This is the confirmation you sent. The parcel never came.
            --fwd
            Content-Type: message/rfc822

            From: Shop <orders@shop.example>
            To: ana@example.com
            Subject: Your order RT-10006
            Date: Mon, 03 Nov 2025 08:00:00 +0000
            Content-Type: text/plain; charset=utf-8

            Thank you for your order! It ships tomorrow.
            --fwd--
            """);

        var forward = Assert.Single(email.Attachments);
        Assert.Equal("Your order RT-10006.eml", forward.FileName);
        Assert.Equal("message/rfc822", forward.ContentType);
        Assert.True(forward.SizeBytes > 100);
        Assert.Contains("---------- Forwarded message ---------", email.Text);
        Assert.Contains("Thank you for your order! It ships tomorrow.", email.Text);

        var document = new EmailReader().Read(email.Subject, email.Text, email.Html, email.Attachments);
        Assert.Equal("This is the confirmation you sent. The parcel never came.", document.ScoringText);
        Assert.Contains("It ships tomorrow.", document.FullText);
    }

    [Fact]
    public void A_forward_of_an_html_message_with_an_html_only_outer_body_goes_into_the_html()
    {
        var email = Parse("""
            From: ana@example.com
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="fwd"

            --fwd
            Content-Type: text/html; charset=utf-8

            <p>Look at this &amp; tell me why.</p>
            --fwd
            Content-Type: message/rfc822

            From: Shop <orders@shop.example>
            Subject: Shipped
            Content-Type: text/html; charset=utf-8

            <p>Your order <b>shipped</b> &lt;today&gt;.</p>
            --fwd--
            """);

        Assert.Null(email.Text);
        var document = new EmailReader().Read(email.Subject, email.Text, email.Html);
        Assert.Equal("Look at this & tell me why.", document.ScoringText);
        Assert.Contains("Your order shipped <today>.", document.FullText);
    }

    [Fact]
    public void A_message_that_is_only_a_forward_still_has_text()
    {
        var email = Parse("""
            From: ana@example.com
            MIME-Version: 1.0
            Content-Type: message/rfc822

            From: Shop <orders@shop.example>
            Subject: Shipped

            Your order shipped.
            """);

        Assert.Contains("Your order shipped.", email.Text);
    }

    [Fact]
    public async Task Async_parsing_gives_the_same_result()
    {
        const string message = """
            Message-ID: <a1@example.com>
            From: ana@example.com
            Subject: Same

            Body
            """;

        var viaAsync = await Parser.ParseAsync(new MemoryStream(Wire(message)));
        var viaSync = Parse(message);

        Assert.Equal(viaSync.MessageId, viaAsync.MessageId);
        Assert.Equal(viaSync.From, viaAsync.From);
        Assert.Equal(viaSync.Subject, viaAsync.Subject);
        Assert.Equal(viaSync.Text, viaAsync.Text);
        Assert.Equal("a1@example.com", viaAsync.MessageId);
    }

    [Theory]
    [InlineData("", "The body is empty.")]
    [InlineData("hello world, this is not an email", "not a readable RFC 822 email")]
    [InlineData("{\"messageId\":\"m1\",\"text\":\"hi\"}", "not a readable RFC 822 email")]
    [InlineData("Subject: no sender\n\nbody", "no From address")]
    [InlineData("From: not an address at all\nSubject: x\n\nbody", "no From address")]
    public void Malformed_input_fails_with_a_clear_message(string message, string expected)
    {
        var error = Assert.Throws<MimeEmailFormatException>(() => Parse(message));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Binary_garbage_fails_with_a_clear_message()
    {
        var garbage = Enumerable.Range(0, 512).Select(i => (byte)(i * 37 % 256)).ToArray();

        var error = Assert.Throws<MimeEmailFormatException>(() => Parser.Parse(new MemoryStream(garbage)));

        Assert.Contains("not a readable RFC 822 email", error.Message);
    }

    [Fact]
    public async Task Async_parsing_of_garbage_fails_the_same_way()
    {
        await Assert.ThrowsAsync<MimeEmailFormatException>(() => Parser.ParseAsync(new MemoryStream(Wire("not an email"))));
    }
}
