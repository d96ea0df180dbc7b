namespace Retenza.Messages;

[GenerateSerializer, Alias("Retenza.DeliveryState")]
public enum DeliveryState
{
    /// <summary>Waiting for the platform to send it (by webhook or by polling).</summary>
    Pending,
    Sent,
}
