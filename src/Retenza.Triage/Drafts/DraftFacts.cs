using Retenza.Triage.Orders;

namespace Retenza.Triage.Drafts;

/// <summary>What a template may depend on when choosing how to answer.</summary>
public sealed record DraftFacts(string Intent, OrderSnapshot? Order, bool OrderReferenced, bool AutoSendAllowed)
{
    public bool Found => Order is not null;

    public bool HasShipment => Order is { Shipments.Count: > 0 };

    public RefundStatus? RefundStatus => Order?.Refund?.Status;

    /// <summary>The parcel went astray: lost, or on its way back to the store.</summary>
    public bool ParcelAstray => Order is not null
        && SlotValues.CurrentShipment(Order)?.Status is ShipmentStatus.Lost or ShipmentStatus.ReturnedToSender;

    public bool Is(params OrderStatus[] statuses) => Order is not null && statuses.Contains(Order.Status);
}
