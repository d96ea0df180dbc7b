namespace Retenza.Triage.Reading;

/// <summary>
/// A raw RFC 822 email reduced to what ingest needs. <see cref="MessageId"/> is <c>null</c> when the
/// message has no usable Message-ID header (the caller decides whether that is acceptable), as are
/// <see cref="Text"/> / <see cref="Html"/> when there is no such body. A forwarded message
/// (message/rfc822) is listed in <see cref="Attachments"/> and its text is appended under a
/// "Forwarded message" marker, which <see cref="EmailReader"/> keeps out of the scoring text.
/// </summary>
public sealed record ParsedMimeEmail(
    string? MessageId,
    MimeMailbox From,
    IReadOnlyList<MimeMailbox> To,
    string Subject,
    string? Text,
    string? Html,
    string? InReplyTo,
    IReadOnlyList<string> References,
    DateTimeOffset? Date,
    IReadOnlyList<AttachmentInfo> Attachments);
