using Retenza.Api.Infrastructure;
using Retenza.Triage.Reading;

namespace Retenza.Api.Messages;

/// <summary>
/// POST /v1/messages with <c>Content-Type: message/rfc822</c>: the raw email, parsed with MimeKit
/// into the same request the JSON form sends, so both go through one validator. Attachments are
/// listed, never stored.
/// </summary>
public static class RawEmailBody
{
    public const string MediaType = "message/rfc822";

    /// <summary>Used as the message id when the email has no Message-ID header.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static bool IsRawEmail(HttpRequest request) =>
        request.ContentType is { } type && type.Split(';')[0].Trim().Equals(MediaType, StringComparison.OrdinalIgnoreCase);

    public static async Task<(InboundMessageRequest? Request, IReadOnlyList<AttachmentInfo> Attachments, IResult? Problem)> ReadAsync(
        HttpRequest request, IMimeEmailParser parser, int maxBytes, CancellationToken ct)
    {
        var (body, problem) = await BoundedBody.ReadAsync(request, maxBytes, "The request body must be a raw email (RFC 5322).", ct);
        if (problem is not null)
        {
            return (null, [], problem);
        }

        ParsedMimeEmail email;
        try
        {
            email = await parser.ParseAsync(body!, ct);
        }
        catch (MimeEmailFormatException e)
        {
            return (null, [], Problems.Create(StatusCodes.Status400BadRequest, "Unreadable email", e.Message));
        }

        var messageId = email.MessageId ?? request.Headers[IdempotencyKeyHeader].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(messageId))
        {
            return (null, [], Problems.Create(StatusCodes.Status400BadRequest, "No Message-ID",
                $"The email has no Message-ID header; send an '{IdempotencyKeyHeader}' header so a retry cannot create a second ticket."));
        }

        var parsed = new InboundMessageRequest
        {
            MessageId = messageId,
            From = new EmailAddressRequest { Email = email.From.Email, Name = email.From.Name },
            To = email.To.Select(t => t.Email).ToList(),
            Subject = email.Subject,
            Text = email.Text,
            Html = email.Html,
            InReplyTo = email.InReplyTo,
            References = email.References.ToList(),
            ReceivedAt = email.Date,
            OrderId = request.Query["orderId"].FirstOrDefault(),
        };
        return (parsed, email.Attachments, null);
    }
}
