using System.Text.RegularExpressions;
using Retenza.Messages;
using Retenza.Tickets;

namespace Retenza.Grains.Customers;

/// <summary>How a message was matched to an existing ticket.</summary>
public sealed record ThreadMatch(string TicketId, string How, bool NeedsOpenTicket);

/// <summary>
/// Decides whether an inbound message answers one of this customer's tickets (issue 4), strongest
/// evidence first: In-Reply-To, then References (newest first) naming a message we hold or sent;
/// then a "[tkt-…]" reference in the subject; then the same order as a ticket still open. Only the
/// customer's own tickets can match, so a forged header never reaches another customer's thread.
/// </summary>
public static partial class ThreadRouter
{
    public const string OutboundDomain = "@retenza";

    public static ThreadMatch? Find(
        InboundMessage message,
        Func<string, string?> ticketOfMessage,
        IReadOnlySet<string> customerTickets,
        IEnumerable<(string TicketId, string? OrderId)> contactsNewestFirst,
        string? orderId)
    {
        var headers = new List<(string Id, string How)>();
        if (message.InReplyTo is { } inReplyTo)
        {
            headers.Add((inReplyTo, "in_reply_to"));
        }

        headers.AddRange(message.References.Reverse().Select(r => (r, "references")));
        foreach (var (raw, how) in headers)
        {
            var id = MessageIds.Normalize(raw);
            var ticket = OutboundTicket(id) ?? ticketOfMessage(id);
            if (ticket is not null && customerTickets.Contains(ticket))
            {
                return new ThreadMatch(ticket, how, NeedsOpenTicket: false);
            }
        }

        foreach (Match match in SubjectReference().Matches(message.Subject))
        {
            var ticket = match.Groups[1].Value.ToLowerInvariant();
            if (customerTickets.Contains(ticket))
            {
                return new ThreadMatch(ticket, "subject", NeedsOpenTicket: false);
            }
        }

        if (orderId is not null)
        {
            var same = contactsNewestFirst.FirstOrDefault(c => string.Equals(c.OrderId, orderId, StringComparison.OrdinalIgnoreCase));
            if (same.TicketId is not null && customerTickets.Contains(same.TicketId))
            {
                return new ThreadMatch(same.TicketId, "order", NeedsOpenTicket: true);
            }
        }

        return null;
    }

    /// <summary>Our outbound ids are "&lt;ticketId&gt;.&lt;n&gt;@retenza" (TicketGrain.Outbound): the ticket is in the id itself.</summary>
    public static string? OutboundTicket(string normalizedId)
    {
        if (!normalizedId.EndsWith(OutboundDomain, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var local = normalizedId[..^OutboundDomain.Length];
        var dot = local.LastIndexOf('.');
        if (dot <= 0)
        {
            return null;
        }

        var ticket = local[..dot].ToLowerInvariant();
        return TicketIds.IsWellFormed(ticket) ? ticket : null;
    }

    [GeneratedRegex(@"\[(tkt-[a-z2-7]+)\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubjectReference();
}
