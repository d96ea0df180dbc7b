using Retenza.Messages;
using Retenza.Triage;
using Retenza.Triage.Customers;
using Retenza.Triage.Orders;
using Retenza.Triage.Policy;

namespace Retenza.Grains;

/// <summary>An inbound message as triage reads it, with the context its caller supplies: one mapping for tickets and previews.</summary>
internal static class TriageRequests
{
    public static TriageRequest For(string tenant, InboundMessage message, CustomerContext customer, TriagePolicy policy, IOrderSource orders, string? orderId = null) =>
        new(tenant, message.MessageId, message.From.Email, message.Subject, message.Text, orderId ?? message.OrderId, message.ReceivedAt)
        {
            FromName = message.From.Name,
            Html = message.Html,
            Attachments = message.Attachments,
            Customer = customer,
            Policy = policy,
            Orders = orders,
        };
}
