using Retenza.Api.Messages;
using Retenza.Api.Orders;

namespace Retenza.Api.Previews;

/// <summary>
/// POST /v1/triage/preview: an email, and optionally the order it concerns (used for
/// <c>message.orderId</c> instead of the stored one) and the customer standing to assume.
/// </summary>
public sealed class TriagePreviewRequest
{
    public InboundMessageRequest? Message { get; set; }
    public OrderRequest? Order { get; set; }
    public PreviewCustomerRequest? Customer { get; set; }
}

/// <summary>Assumed customer standing; without it the preview reads the stored customer (by sender address).</summary>
public sealed class PreviewCustomerRequest
{
    public bool? Vip { get; set; }
    public decimal? LifetimeValue { get; set; }
}
