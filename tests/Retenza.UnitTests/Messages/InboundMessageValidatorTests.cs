using Retenza.Api.Messages;

namespace Retenza.UnitTests.Messages;

public sealed class InboundMessageValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static InboundMessageRequest Valid() => new()
    {
        MessageId = "<m1@shop.example>",
        From = new EmailAddressRequest { Email = " ana@example.com ", Name = " Ana " },
        To = ["support@shop.example"],
        Subject = " Broken vase ",
        Text = "My vase arrived broken.",
        OrderId = "RT-10006",
    };

    private static Dictionary<string, string[]> Errors(InboundMessageRequest request)
    {
        Assert.False(InboundMessageValidator.TryValidate(request, Now, out var message, out var errors));
        Assert.Null(message);
        return errors;
    }

    [Fact]
    public void A_valid_message_is_normalised_into_the_grain_contract()
    {
        Assert.True(InboundMessageValidator.TryValidate(Valid(), Now, out var message, out var errors));

        Assert.Empty(errors);
        Assert.Equal("m1@shop.example", message!.MessageId);
        Assert.Equal("ana@example.com", message.From.Email);
        Assert.Equal("Ana", message.From.Name);
        Assert.Equal("Broken vase", message.Subject);
        Assert.Equal(Now, message.ReceivedAt);
        Assert.Equal("RT-10006", message.OrderId);
    }

    [Fact]
    public void Missing_required_fields_are_each_named()
    {
        var errors = Errors(new InboundMessageRequest());

        Assert.Equal(["from.email", "messageId", "text"], errors.Keys.Order().ToArray());
    }

    [Theory]
    [InlineData("bad")]
    [InlineData("a@b")]
    [InlineData("Ana <ana@example.com>")]
    [InlineData("ana@@example.com")]
    [InlineData("ana@example.com.")]
    [InlineData("ana example@example.com")]
    public void Bad_sender_addresses_are_refused(string email)
    {
        var request = Valid();
        request.From!.Email = email;

        Assert.Contains("from.email", Errors(request).Keys);
    }

    [Fact]
    public void An_html_only_message_is_read_as_text()
    {
        var request = Valid();
        request.Text = null;
        request.Html = "<p>My vase &amp; bowl<br>arrived <b>broken</b>.</p>";

        Assert.True(InboundMessageValidator.TryValidate(request, Now, out var message, out _));
        Assert.Equal("My vase & bowl arrived broken .", message!.Text);
    }

    [Fact]
    public void Oversized_and_malformed_headers_are_named()
    {
        var request = Valid();
        request.Subject = new string('x', 999);
        request.MessageId = "has space@x";
        request.To = ["ok@example.com", "nope"];
        request.OrderId = "RT 1";
        request.References = ["", "ok@x"];

        var errors = Errors(request);

        Assert.Equal(["messageId", "orderId", "references", "subject", "to[1]"], errors.Keys.Order().ToArray());
    }

    [Fact]
    public void The_platforms_receivedAt_is_kept()
    {
        var request = Valid();
        var at = new DateTimeOffset(2026, 11, 24, 8, 30, 0, TimeSpan.FromHours(2));
        request.ReceivedAt = at;

        Assert.True(InboundMessageValidator.TryValidate(request, Now, out var message, out _));
        Assert.Equal(at, message!.ReceivedAt);
    }
}
