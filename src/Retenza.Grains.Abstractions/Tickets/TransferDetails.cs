namespace Retenza.Tickets;

/// <summary>Where a transferred ticket came from and went: queues and holders (null: none).</summary>
[GenerateSerializer, Immutable, Alias("Retenza.TransferDetails")]
public sealed record TransferDetails(
    [property: Id(0)] string? FromQueue,
    [property: Id(1)] string? ToQueue,
    [property: Id(2)] string? FromAgent,
    [property: Id(3)] string? ToAgent);
