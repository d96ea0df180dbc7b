namespace Retenza.Triage.Reading;

/// <summary>
/// An inbound email as triage reads it: <see cref="ScoringText"/> is the customer's own words
/// (quoted history and signature removed); <see cref="FullText"/> is kept on the ticket.
/// </summary>
public sealed record EmailDocument(
    string Subject,
    string FullText,
    string ScoringText,
    LanguageGuess Language,
    IReadOnlyList<AttachmentInfo> Attachments);
