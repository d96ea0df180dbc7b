using Retenza.Customers;
using Retenza.Tickets;
using Retenza.Triage.Orders;

namespace Retenza.Api.Customers;

/// <summary>
/// GET /v1/customers/{id}/export: everything held about a customer (access request): the record, every
/// ticket (also those beyond the kept history) and every order pushed with the customer's email.
/// </summary>
public sealed record CustomerExport(DateTimeOffset ExportedAt, CustomerSnapshot Customer, IReadOnlyList<TicketSnapshot> Tickets)
{
    public IReadOnlyList<OrderSnapshot> Orders { get; init; } = [];
}
