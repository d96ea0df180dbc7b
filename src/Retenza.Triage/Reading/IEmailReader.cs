namespace Retenza.Triage.Reading;

/// <summary>Turns the subject and bodies of an email into what triage scores.</summary>
public interface IEmailReader
{
    /// <param name="text">The plain-text body, if the email had one.</param>
    /// <param name="html">The HTML body; used when there is no plain text.</param>
    EmailDocument Read(string subject, string? text, string? html, IReadOnlyList<AttachmentInfo>? attachments = null);
}
