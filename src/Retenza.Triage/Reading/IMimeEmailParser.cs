namespace Retenza.Triage.Reading;

/// <summary>Parses a raw RFC 822 (message/rfc822) email. Size limits are the caller's.</summary>
public interface IMimeEmailParser
{
    /// <exception cref="MimeEmailFormatException">The input is not a readable email.</exception>
    ParsedMimeEmail Parse(Stream stream, CancellationToken cancellationToken = default);

    /// <exception cref="MimeEmailFormatException">The input is not a readable email.</exception>
    Task<ParsedMimeEmail> ParseAsync(Stream stream, CancellationToken cancellationToken = default);
}
