namespace Retenza.Tickets;

[GenerateSerializer, Alias("Retenza.Route")]
public enum Route
{
    Auto,
    Review,
    Escalate,
}
