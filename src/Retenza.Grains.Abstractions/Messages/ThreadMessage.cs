namespace Retenza.Messages;

/// <summary>One message of a ticket's thread, in either direction.</summary>
[GenerateSerializer, Immutable, Alias("Retenza.ThreadMessage")]
public sealed record ThreadMessage(
    [property: Id(0)] string MessageId,
    [property: Id(1)] MessageDirection Direction,
    [property: Id(2)] EmailAddress From,
    [property: Id(3)] IReadOnlyList<string> To,
    [property: Id(4)] string Subject,
    [property: Id(5)] string Text,
    [property: Id(6)] string? Html,
    [property: Id(7)] string? InReplyTo,
    [property: Id(8)] IReadOnlyList<string> References,
    [property: Id(9)] DateTimeOffset At)
{
    /// <summary>Outbound only: whether the platform has yet to deliver it (auto replies wait as <see cref="DeliveryState.Pending"/>).</summary>
    [Id(10)]
    public DeliveryState? Delivery { get; init; }

    /// <summary>Inbound only: attachments the email listed (never stored).</summary>
    [Id(11)]
    public IReadOnlyList<Retenza.Triage.Reading.AttachmentInfo> Attachments { get; init; } = [];

    public static ThreadMessage Inbound(InboundMessage m) =>
        new(m.MessageId, MessageDirection.Inbound, m.From, m.To, m.Subject, m.Text, m.Html, m.InReplyTo, m.References, m.ReceivedAt)
        {
            Attachments = m.Attachments,
        };
}
