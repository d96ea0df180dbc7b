namespace Retenza.Tickets;

/// <summary>An operation asked a ticket for a move its lifecycle does not allow.</summary>
[GenerateSerializer, Alias("Retenza.TicketTransitionException")]
public sealed class TicketTransitionException : Exception
{
    public TicketTransitionException(TicketStatus? from, TicketStatus to)
        : base(from is null
            ? $"Ticket does not exist; it cannot move to {to}."
            : $"Illegal ticket transition {from} → {to}.")
    {
        From = from;
        To = to;
    }

    [Id(0)]
    public TicketStatus? From { get; }

    [Id(1)]
    public TicketStatus To { get; }
}
