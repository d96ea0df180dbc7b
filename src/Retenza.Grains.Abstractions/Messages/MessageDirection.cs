namespace Retenza.Messages;

[GenerateSerializer, Alias("Retenza.MessageDirection")]
public enum MessageDirection
{
    Inbound,
    Outbound,
}
