using System.Net.Mail;
using System.Text.RegularExpressions;
using Retenza.Messages;

namespace Retenza.Api.Messages;

/// <summary>Checks an inbound message and, when it is sound, turns it into the grain contract.</summary>
public static partial class InboundMessageValidator
{
    private const int MaxIdLength = 995;       // RFC 5322 line limit less the angle brackets
    private const int MaxHeaderLength = 998;
    private const int MaxReferences = 100;

    public static bool TryValidate(
        InboundMessageRequest request,
        DateTimeOffset now,
        out InboundMessage? message,
        out Dictionary<string, string[]> errors)
    {
        var problems = new Dictionary<string, List<string>>();
        void Add(string field, string error)
        {
            if (!problems.TryGetValue(field, out var list))
            {
                problems[field] = list = [];
            }

            list.Add(error);
        }

        var messageId = request.MessageId is null ? "" : MessageIds.Normalize(request.MessageId);
        if (messageId.Length == 0)
        {
            Add("messageId", "Required: the email's Message-ID, used to make ingest idempotent.");
        }
        else if (messageId.Length > MaxIdLength || HasWhitespaceOrControl(messageId))
        {
            Add("messageId", $"Must be at most {MaxIdLength} characters with no spaces or control characters.");
        }

        var fromEmail = request.From?.Email?.Trim();
        if (request.From is null || string.IsNullOrEmpty(fromEmail))
        {
            Add("from.email", "Required: the sender's email address.");
        }
        else if (!IsEmail(fromEmail))
        {
            Add("from.email", $"'{fromEmail}' is not a valid email address.");
        }

        var fromName = request.From?.Name?.Trim();
        if (fromName is { Length: > 200 })
        {
            Add("from.name", "Must be at most 200 characters.");
        }

        var to = request.To ?? [];
        for (var i = 0; i < to.Count; i++)
        {
            if (to[i] is null || !IsEmail(to[i].Trim()))
            {
                Add($"to[{i}]", $"'{to[i]}' is not a valid email address.");
            }
        }

        var subject = request.Subject?.Trim() ?? "";
        if (subject.Length > MaxHeaderLength)
        {
            Add("subject", $"Must be at most {MaxHeaderLength} characters.");
        }

        var text = request.Text ?? "";
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(request.Html))
        {
            text = HtmlToText(request.Html);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            Add("text", "Required: the message body as text (or html).");
        }

        if (request.InReplyTo is { } inReplyTo && (MessageIds.Normalize(inReplyTo).Length is 0 or > MaxIdLength))
        {
            Add("inReplyTo", $"When present, must be a message id of 1 to {MaxIdLength} characters.");
        }

        var references = request.References ?? [];
        if (references.Count > MaxReferences)
        {
            Add("references", $"At most {MaxReferences} message ids.");
        }
        else if (references.Any(r => r is null || MessageIds.Normalize(r).Length is 0 or > MaxIdLength))
        {
            Add("references", $"Each reference must be a message id of 1 to {MaxIdLength} characters.");
        }

        var orderId = request.OrderId?.Trim();
        if (orderId is { Length: > 100 } || (orderId is not null && HasWhitespaceOrControl(orderId)))
        {
            Add("orderId", "Must be at most 100 characters with no spaces or control characters.");
        }

        errors = problems.ToDictionary(p => p.Key, p => p.Value.ToArray());
        if (errors.Count > 0)
        {
            message = null;
            return false;
        }

        message = new InboundMessage(
            messageId,
            new EmailAddress(fromEmail!, string.IsNullOrEmpty(fromName) ? null : fromName),
            to.Select(t => t.Trim()).ToArray(),
            subject,
            text,
            request.Html,
            request.InReplyTo is null ? null : MessageIds.Normalize(request.InReplyTo),
            references.Select(MessageIds.Normalize).ToArray(),
            request.ReceivedAt ?? now,
            string.IsNullOrEmpty(orderId) ? null : orderId);
        return true;
    }

    /// <summary>An address of the plain form local@domain.tld: display names and comments belong in "name".</summary>
    public static bool IsEmail(string value) =>
        value.Length <= 254
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && string.IsNullOrEmpty(address.DisplayName)
        && address.Host.Contains('.')
        && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');

    private static bool HasWhitespaceOrControl(string value) => value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    // A stop-gap until the triage issue brings real MIME/HTML reading: enough to score an HTML-only email.
    private static string HtmlToText(string html) =>
        System.Net.WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(html, " "), " ")).Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
