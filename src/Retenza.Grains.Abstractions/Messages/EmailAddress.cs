namespace Retenza.Messages;

[GenerateSerializer, Immutable, Alias("Retenza.EmailAddress")]
public sealed record EmailAddress([property: Id(0)] string Email, [property: Id(1)] string? Name);
