namespace Retenza.Api.Messages;

/// <summary>The JSON body of POST /v1/messages, as sent: everything nullable so validation can name what is missing.</summary>
public sealed class InboundMessageRequest
{
    public string? MessageId { get; set; }
    public EmailAddressRequest? From { get; set; }
    public List<string>? To { get; set; }
    public string? Subject { get; set; }
    public string? Text { get; set; }
    public string? Html { get; set; }
    public string? InReplyTo { get; set; }
    public List<string>? References { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public string? OrderId { get; set; }
}

public sealed class EmailAddressRequest
{
    public string? Email { get; set; }
    public string? Name { get; set; }
}
