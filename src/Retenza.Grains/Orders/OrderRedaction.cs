using Retenza.Triage.Orders;

namespace Retenza.Grains.Orders;

/// <summary>
/// What erasure leaves of an order: what counts and analytics need (status, amounts, currency, country,
/// skus, quantities, shipment and refund states), never who bought what or where it went.
/// </summary>
public static class OrderRedaction
{
    public const string Erased = "[erased]";

    public static OrderSnapshot Redact(OrderSnapshot order) => order with
    {
        CustomerEmail = Erased,
        Items = [.. order.Items.Select(i => i with { Name = Erased })],
        Shipments = [.. order.Shipments.Select(s => s with { Tracking = Erased })],
    };
}
