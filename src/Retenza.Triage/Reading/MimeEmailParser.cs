using System.Net;
using System.Text;
using MimeKit;
using MimeKit.IO;

namespace Retenza.Triage.Reading;

/// <summary>
/// Parses raw RFC 822 mail with MimeKit: charsets and transfer encodings are decoded, the first
/// plain-text and HTML bodies are taken, attachments are listed with their decoded size (never
/// kept), and forwarded messages are appended to the body under a forward marker.
/// </summary>
public sealed class MimeEmailParser : IMimeEmailParser
{
    /// <summary>Forwards of forwards are followed this deep; deeper ones are only listed.</summary>
    private const int MaxForwardDepth = 3;

    private const string UnnamedAttachment = "(unnamed)";

    static MimeEmailParser()
    {
        // windows-125x, koi8-r, shift_jis and the other legacy charsets are not built into .NET.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public ParsedMimeEmail Parse(Stream stream, CancellationToken cancellationToken = default)
    {
        RejectEmpty(stream);
        try
        {
            return ToParsed(MimeMessage.Load(stream, cancellationToken));
        }
        catch (FormatException e)
        {
            throw NotAnEmail(e);
        }
    }

    public async Task<ParsedMimeEmail> ParseAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        RejectEmpty(stream);
        try
        {
            return ToParsed(await MimeMessage.LoadAsync(stream, cancellationToken));
        }
        catch (FormatException e)
        {
            throw NotAnEmail(e);
        }
    }

    private static void RejectEmpty(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek && stream.Position >= stream.Length)
        {
            throw new MimeEmailFormatException("The body is empty.");
        }
    }

    private static MimeEmailFormatException NotAnEmail(FormatException e) =>
        new($"The body is not a readable RFC 822 email: {e.Message}", e);

    private static ParsedMimeEmail ToParsed(MimeMessage message)
    {
        using (message)
        {
            // MimeKit reads almost anything as headers; an email has at least one header it knows.
            if (message.Headers.All(header => header.Id == HeaderId.Unknown))
            {
                throw new MimeEmailFormatException("The body is not a readable RFC 822 email: it has no email headers.");
            }

            var from = message.From.Mailboxes.FirstOrDefault()
                ?? throw new MimeEmailFormatException("The email has no From address.");

            var (text, html) = Bodies(message, depth: 0);
            return new ParsedMimeEmail(
                MessageId: NullIfBlank(message.MessageId),
                From: Mailbox(from),
                To: message.To.Mailboxes.Select(Mailbox).ToArray(),
                Subject: message.Subject?.Trim() ?? "",
                Text: text,
                Html: html,
                InReplyTo: NullIfBlank(message.InReplyTo),
                References: message.References.Where(id => !string.IsNullOrWhiteSpace(id)).ToArray(),
                Date: message.Headers.Contains(HeaderId.Date) && message.Date != DateTimeOffset.MinValue ? message.Date : null,
                Attachments: Attachments(message));
        }
    }

    private static MimeMailbox Mailbox(MailboxAddress address) =>
        new(address.Address.Trim(), NullIfBlank(address.Name));

    /// <summary>The message's own bodies, with the text of every forwarded message appended.</summary>
    private static (string? Text, string? Html) Bodies(MimeMessage message, int depth)
    {
        var text = LegacyText.Repair(message.TextBody);
        var html = LegacyText.Repair(message.HtmlBody);
        if (depth >= MaxForwardDepth)
        {
            return (text, html);
        }

        foreach (var forward in message.BodyParts.OfType<MessagePart>())
        {
            if (forward.Message is not { } inner)
            {
                continue;
            }

            var (innerText, innerHtml) = Bodies(inner, depth + 1);
            var forwarded = ForwardBlock(inner, innerText ?? (innerHtml is null ? "" : HtmlText.ToPlainText(innerHtml)));
            // Append where the caller will read: the text body when there is one, else the HTML body.
            if (text is not null || html is null)
            {
                text = (text is null ? "" : text.TrimEnd() + "\n\n") + forwarded;
            }
            else
            {
                html += "<pre>" + WebUtility.HtmlEncode(forwarded) + "</pre>";
            }
        }

        return (text, html);
    }

    private static string ForwardBlock(MimeMessage inner, string body)
    {
        var block = new StringBuilder("---------- Forwarded message ---------\n");
        block.Append("From: ").Append(inner.From).Append('\n');
        if (inner.Headers.Contains(HeaderId.Date))
        {
            block.Append("Date: ").Append(inner.Date.ToString("R")).Append('\n');
        }

        block.Append("Subject: ").Append(inner.Subject).Append('\n');
        if (inner.To.Count > 0)
        {
            block.Append("To: ").Append(inner.To).Append('\n');
        }

        return block.Append('\n').Append(body.Trim()).ToString();
    }

    private static AttachmentInfo[] Attachments(MimeMessage message)
    {
        var attachments = new List<AttachmentInfo>();
        foreach (var entity in message.BodyParts)
        {
            switch (entity)
            {
                case MessagePart forward:
                    var name = forward.ContentDisposition?.FileName ?? forward.ContentType.Name
                        ?? (string.IsNullOrWhiteSpace(forward.Message?.Subject) ? "forwarded.eml" : forward.Message.Subject.Trim() + ".eml");
                    attachments.Add(new AttachmentInfo(name, forward.ContentType.MimeType, Measure(forward.Message)));
                    break;
                case MimePart part when part.IsAttachment || part.FileName is not null:
                    attachments.Add(new AttachmentInfo(part.FileName ?? UnnamedAttachment, part.ContentType.MimeType, DecodedSize(part)));
                    break;
            }
        }

        return attachments.ToArray();
    }

    private static long DecodedSize(MimePart part)
    {
        if (part.Content is null)
        {
            return 0;
        }

        using var measure = new MeasuringStream();
        part.Content.DecodeTo(measure);
        return measure.Length;
    }

    private static long Measure(MimeMessage? message)
    {
        if (message is null)
        {
            return 0;
        }

        using var measure = new MeasuringStream();
        message.WriteTo(measure);
        return measure.Length;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
