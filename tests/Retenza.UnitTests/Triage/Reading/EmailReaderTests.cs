using Retenza.Triage.Reading;

namespace Retenza.UnitTests.Triage.Reading;

public sealed class EmailReaderTests
{
    private static readonly EmailReader Reader = new();

    private static string Scoring(string text) => Reader.Read("Order question", text, null).ScoringText;

    [Fact]
    public void A_gmail_reply_loses_the_wrapped_on_wrote_header_the_quote_and_the_sign_off()
    {
        const string text = """
            Hi,

            The replacement still hasn't arrived. Can you check the tracking?

            Thanks,
            Maria

            On Tue, Nov 4, 2025 at 9:12 AM Retenza Shop Support <
            support@shop.example> wrote:

            > Hi Maria,
            >
            > We've sent a replacement for your vase. It should arrive within 3-5 days.
            >
            > Best regards,
            > The Shop team
            """;

        var document = Reader.Read("Re: Your replacement", text, null);

        Assert.Equal("Hi,\n\nThe replacement still hasn't arrived. Can you check the tracking?", document.ScoringText);
        Assert.Contains("We've sent a replacement", document.FullText);
        Assert.Contains("Thanks,\nMaria", document.FullText);
    }

    [Fact]
    public void An_outlook_reply_loses_the_header_block_under_the_rule_and_the_signature_with_title_and_phone()
    {
        const string text = """
            Hello,

            I returned the boots two weeks ago and I have not seen a refund yet.

            Kind regards,
            Peter Jansen
            Senior Buyer | Acme Ltd
            +31 20 555 0101

            ________________________________
            From: Shop Support <support@shop.example>
            Sent: Monday, November 3, 2025 4:05 PM
            To: Peter Jansen <peter@acme.example>
            Subject: RE: Return RT-3301

            Hi Peter, your return label is attached.
            """;

        Assert.Equal("Hello,\n\nI returned the boots two weeks ago and I have not seen a refund yet.", Scoring(text));
    }

    [Fact]
    public void An_outlook_header_block_without_a_rule_is_still_found()
    {
        const string text = """
            Please cancel the second item, I ordered it twice by mistake.

            From: Shop Support <support@shop.example>
            Sent: Monday, November 3, 2025 4:05 PM
            To: ana@example.com
            Subject: Your order RT-2231

            Thank you for your order!
            """;

        Assert.Equal("Please cancel the second item, I ordered it twice by mistake.", Scoring(text));
    }

    [Fact]
    public void An_original_message_separator_starts_the_history()
    {
        const string text = """
            Yes, the address is correct.
            -----Original Message-----
            From: support@shop.example
            Can you confirm your address?
            """;

        Assert.Equal("Yes, the address is correct.", Scoring(text));
    }

    [Fact]
    public void An_apple_mail_reply_loses_sent_from_my_iphone_and_the_quoted_header()
    {
        const string text = """
            It arrived broken again. I want a refund this time.

            Sent from my iPhone

            > On 4 Nov 2025, at 10:15, Shop Support <support@shop.example> wrote:
            >
            > Your replacement has shipped.
            """;

        Assert.Equal("It arrived broken again. I want a refund this time.", Scoring(text));
    }

    [Fact]
    public void A_french_reply_header_is_recognised()
    {
        const string text = """
            Je n'ai toujours rien reçu.

            Le lun. 3 nov. 2025 à 10:15, Support <support@shop.example> a écrit :
            > Votre colis est en route.
            """;

        Assert.Equal("Je n'ai toujours rien reçu.", Scoring(text));
    }

    [Theory]
    [InlineData("---------- Forwarded message ---------\nFrom: Shop <orders@shop.example>\nDate: Mon, Nov 3, 2025\nSubject: Your order RT-10006\n\nThank you for your order!")]
    [InlineData("Begin forwarded message:\n\nFrom: Shop <orders@shop.example>\nSubject: Your order RT-10006\n\nThank you for your order!")]
    public void Gmail_and_apple_forwards_keep_only_the_customers_note(string forward)
    {
        var text = "See below, this is the confirmation. The item never came.\n\n" + forward;

        var document = Reader.Read("Fwd: Your order RT-10006", text, null);

        Assert.Equal("See below, this is the confirmation. The item never came.", document.ScoringText);
        Assert.Contains("Thank you for your order!", document.FullText);
    }

    [Fact]
    public void Inline_answers_between_quoted_lines_are_kept()
    {
        const string text = """
            > Could you confirm the size you ordered?
            Medium.
            > And the colour?
            Blue, the one on the website.
            """;

        Assert.Equal("Medium.\nBlue, the one on the website.", Scoring(text));
    }

    [Fact]
    public void The_dash_dash_space_delimiter_starts_the_signature()
    {
        const string text = "Where is my parcel?\n-- \nJane Doe\nwww.janedoe.example\n";

        Assert.Equal("Where is my parcel?", Scoring(text));
    }

    [Fact]
    public void A_legal_disclaimer_is_cut()
    {
        const string text = """
            Please send the invoice for order RT-1.

            This email and any attachments are confidential and intended solely for the addressee. If you have received this email in error please notify the sender.
            """;

        Assert.Equal("Please send the invoice for order RT-1.", Scoring(text));
    }

    [Theory]
    [InlineData("Thanks, Jane")]
    [InlineData("Best regards,\nJane Smith")]
    [InlineData("Cheers!")]
    [InlineData("Thank you in advance,\n\nJ. Smith\nCustomer since 2019")]
    [InlineData("Met vriendelijke groet,\nPieter")]
    public void Common_sign_offs_at_the_end_are_cut(string signOff)
    {
        Assert.Equal("The lid is missing from my teapot.", Scoring("The lid is missing from my teapot.\n\n" + signOff));
    }

    [Fact]
    public void Thanks_inside_the_text_is_not_a_sign_off()
    {
        const string text = "Thanks for the quick reply.\nBut the size is still wrong and I need it by Friday, can you help?";

        Assert.Equal(text, Scoring(text));
    }

    [Fact]
    public void A_sign_off_followed_by_a_real_paragraph_is_kept()
    {
        const string text = "Hi,\nThanks\nAlso, I noticed that the second parcel was opened before it reached me and a candle is gone.";

        Assert.Equal(text, Scoring(text));
    }

    [Fact]
    public void A_customer_sentence_starting_with_on_is_not_a_reply_header()
    {
        const string text = "On Monday I ordered two vases.\nOnly one arrived.";

        Assert.Equal(text, Scoring(text));
    }

    [Theory]
    [InlineData("> Only a quote from us.\n> Nothing new.")]
    [InlineData("Thanks!")]
    [InlineData("On Tue, Nov 4, 2025 at 9:12 AM Shop <support@shop.example> wrote:\n> Hello")]
    public void When_stripping_would_leave_no_words_the_full_text_is_scored(string text)
    {
        var document = Reader.Read("", text, null);

        Assert.Equal(document.FullText, document.ScoringText);
        Assert.NotEmpty(document.ScoringText);
    }

    [Fact]
    public void An_html_only_outlook_reply_is_read_as_text_and_stripped()
    {
        const string html = """
            <html><head><style>p.MsoNormal { margin: 0 }</style><script>track()</script></head><body>
            <div>Hi, the tracking link doesn&#39;t work &amp; the parcel is late.</div>
            <div><br></div>
            <div>Best regards,<br>Tom</div>
            <hr style="display:inline-block;width:98%" tabindex="-1">
            <div id="divRplyFwdMsg" dir="ltr"><font face="Calibri"><b>From:</b> Shop Support &lt;support@shop.example&gt;<br>
            <b>Sent:</b> Monday, November 3, 2025 4:05 PM<br><b>To:</b> Tom &lt;tom@example.com&gt;<br>
            <b>Subject:</b> Your order has shipped</font><div>&nbsp;</div></div>
            <div>Your parcel is on its way.</div>
            </body></html>
            """;

        var document = Reader.Read("Re: Your order has shipped", null, html);

        Assert.Equal("Hi, the tracking link doesn't work & the parcel is late.", document.ScoringText);
        Assert.Contains("Your parcel is on its way.", document.FullText);
        Assert.DoesNotContain("track()", document.FullText);
        Assert.DoesNotContain("MsoNormal", document.FullText);
        Assert.Equal("en", document.Language.Code);
    }

    [Fact]
    public void An_html_gmail_reply_drops_the_blockquote()
    {
        const string html = """
            <div dir="ltr">The box was empty.<div><br></div><div>Ana</div></div><br>
            <div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Nov 3, 2025 at 10:15 AM Shop &lt;support@shop.example&gt; wrote:<br></div>
            <blockquote class="gmail_quote">Hello Ana,<br>Your order has shipped.</blockquote></div>
            """;

        Assert.Equal("The box was empty.\n\nAna", Reader.Read("Re: shipped", null, html).ScoringText);
    }

    [Fact]
    public void The_plain_text_body_wins_over_the_html_body()
    {
        var document = Reader.Read("Subject", "Plain words.", "<p>Html words.</p>");

        Assert.Equal("Plain words.", document.FullText);
    }

    [Fact]
    public void A_blank_text_body_falls_back_to_html()
    {
        Assert.Equal("Html words.", Reader.Read("Subject", "  \r\n ", "<p>Html words.</p>").FullText);
    }

    [Fact]
    public void No_body_at_all_gives_empty_texts_and_an_undetermined_language()
    {
        var document = Reader.Read("", null, null);

        Assert.Equal("", document.FullText);
        Assert.Equal("", document.ScoringText);
        Assert.Equal(LanguageGuess.Undetermined, document.Language.Code);
        Assert.Empty(document.Attachments);
    }

    [Fact]
    public void Line_ends_and_blank_runs_are_normalised_in_the_full_text()
    {
        var document = Reader.Read("  Broken vase  ", "Line one.  \r\n\r\n\r\n\r\nLine two.\r\n", null);

        Assert.Equal("Line one.\n\nLine two.", document.FullText);
        Assert.Equal("Broken vase", document.Subject);
    }

    [Fact]
    public void Attachments_are_passed_through()
    {
        AttachmentInfo[] attachments = [new("photo.jpg", "image/jpeg", 1234)];

        Assert.Same(attachments, Reader.Read("s", "Photo attached.", null, attachments).Attachments);
    }

    [Fact]
    public void A_one_word_reply_takes_its_language_from_the_subject_too()
    {
        var document = Reader.Read("Où est ma commande ? Je ne l'ai pas reçue", "Merci", null);

        Assert.Equal("fr", document.Language.Code);
    }

    [Fact]
    public void Language_is_detected_on_the_customers_words_not_on_our_quoted_english()
    {
        const string text = """
            Hola, todavía no he recibido mi pedido y ya han pasado dos semanas.

            On Tue, Nov 4, 2025 at 9:12 AM Shop Support <support@shop.example> wrote:
            > Hello, thank you for your order. It will be shipped within two days and you will
            > receive an email with the tracking number when it has been sent to you.
            """;

        Assert.Equal("es", Reader.Read("Re: pedido", text, null).Language.Code);
    }
}
