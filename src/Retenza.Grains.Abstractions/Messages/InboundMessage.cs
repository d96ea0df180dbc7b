namespace Retenza.Messages;

/// <summary>An inbound customer email as the platform pushed it, already validated by the API.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.InboundMessage")]
public sealed record InboundMessage(
    [property: Id(0)] string MessageId,
    [property: Id(1)] EmailAddress From,
    [property: Id(2)] IReadOnlyList<string> To,
    [property: Id(3)] string Subject,
    [property: Id(4)] string Text,
    [property: Id(5)] string? Html,
    [property: Id(6)] string? InReplyTo,
    [property: Id(7)] IReadOnlyList<string> References,
    [property: Id(8)] DateTimeOffset ReceivedAt,
    [property: Id(9)] string? OrderId)
{
    /// <summary>Attachments listed by a MIME message; their content is never stored.</summary>
    [Id(10)]
    public IReadOnlyList<Retenza.Triage.Reading.AttachmentInfo> Attachments { get; init; } = [];
}
