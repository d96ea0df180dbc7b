using Retenza.Customers;
using Retenza.Tickets;

namespace Retenza.Api.Customers;

/// <summary>GET /v1/customers/{id}/export: everything held about a customer (access request): the record and every ticket.</summary>
public sealed record CustomerExport(DateTimeOffset ExportedAt, CustomerSnapshot Customer, IReadOnlyList<TicketSnapshot> Tickets);
