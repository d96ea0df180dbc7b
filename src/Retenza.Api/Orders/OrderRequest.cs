using System.ComponentModel;
using Retenza.Api.Infrastructure;
using Retenza.Triage.Orders;

namespace Retenza.Api.Orders;

/// <summary>
/// The JSON body of PUT /v1/orders/{orderId}, as sent: everything nullable and enums as strings,
/// so validation can name every missing or wrong field (and list the allowed values) at once.
/// </summary>
public sealed class OrderRequest
{
    [Description("Email address of the customer who placed the order.")]
    public string? CustomerEmail { get; set; }

    [SnakeCaseEnum(typeof(OrderStatus))]
    public string? Status { get; set; }

    [Description("Order total, zero or more, in the order's currency.")]
    public decimal? Total { get; set; }

    [Description("ISO 4217 currency code, e.g. USD.")]
    public string? Currency { get; set; }

    [Description("ISO 3166-1 alpha-2 code of the destination country, e.g. US.")]
    public string? Country { get; set; }

    [Description("At least one line item.")]
    public List<OrderItemRequest?>? Items { get; set; }

    [Description("Shipments so far; each carries skus of the order's items.")]
    public List<ShipmentRequest?>? Shipments { get; set; }

    public RefundRequest? Refund { get; set; }
}

public sealed class OrderItemRequest
{
    public string? Sku { get; set; }
    public string? Name { get; set; }

    [Description("Quantity, at least 1.")]
    public int? Qty { get; set; }

    [Description("Unit price, zero or more.")]
    public decimal? Price { get; set; }
}

public sealed class ShipmentRequest
{
    public string? Carrier { get; set; }
    public string? Tracking { get; set; }

    [SnakeCaseEnum(typeof(ShipmentStatus))]
    public string? Status { get; set; }

    [Description("Skus of the order's items that travel in this shipment.")]
    public List<string?>? Skus { get; set; }

    public DateTimeOffset? Eta { get; set; }
}

public sealed class RefundRequest
{
    [SnakeCaseEnum(typeof(RefundStatus))]
    public string? Status { get; set; }

    public decimal? Amount { get; set; }
    public DateTimeOffset? IssuedAt { get; set; }
}
