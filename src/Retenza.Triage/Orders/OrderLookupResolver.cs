using Retenza.Triage.Policy;

namespace Retenza.Triage.Orders;

/// <summary>
/// The order-lookup stage of triage: which order the message is about, the snapshot when the
/// platform pushed one, and its facts. An explicit <c>orderId</c> wins over references in the
/// text; of those, the first one in the email is used.
/// </summary>
public sealed class OrderLookupResolver(OrderReferenceFinder finder)
{
    public async ValueTask<OrderLookup> ResolveAsync(
        string? orderId,
        string? subject,
        string? text,
        string? senderEmail,
        TriagePolicy policy,
        IOrderSource orders,
        CancellationToken cancellationToken = default)
    {
        string reference;
        string source;
        string? problem = null;
        if (!string.IsNullOrWhiteSpace(orderId))
        {
            reference = OrderReference.Normalize(orderId);
            source = OrderLookup.SourceField;
        }
        else
        {
            var scan = finder.Find(policy.OrderReferencePattern, subject, text);
            problem = scan.Problem;
            if (scan.References.Count == 0)
            {
                return OrderLookup.None with { Problem = problem };
            }

            reference = scan.References[0];
            source = OrderLookup.SourceText;
        }

        if (!OrderReference.IsValid(reference))
        {
            return new OrderLookup(reference, source, null, null) { Problem = $"'{reference}' is not a valid order id" };
        }

        var snapshot = await orders.FindAsync(reference, cancellationToken);
        var facts = snapshot is null ? null : OrderFactsDeriver.Derive(snapshot, policy, senderEmail);
        return new OrderLookup(reference, source, snapshot, facts) { Problem = problem };
    }

    /// <summary>The lookup for a triage request: its orderId field, subject, text, sender, policy and order source.</summary>
    public ValueTask<OrderLookup> ResolveAsync(TriageRequest request, CancellationToken cancellationToken = default) =>
        ResolveAsync(request.OrderId, request.Subject, request.Text, request.FromEmail, request.Policy, request.Orders, cancellationToken);
}
