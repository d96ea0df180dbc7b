using System.Text.Json;
using System.Text.Json.Serialization;
using Retenza.Api.Messages;
using Retenza.Api.Orders;
using Retenza.Api.Previews;
using Retenza.Api.Tenancy;
using Retenza.Customers;
using Retenza.Policy;
using Retenza.Tickets;
using Retenza.Triage.Orders;
using Retenza.Triage.Policy;

namespace Retenza.Api.Infrastructure;

/// <summary>Source-generated JSON for the API's types: no reflection on the ingest hot path.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(InboundMessageRequest))]
[JsonSerializable(typeof(TicketSummary))]
[JsonSerializable(typeof(TicketSnapshot))]
[JsonSerializable(typeof(CustomerSnapshot))]
[JsonSerializable(typeof(Retenza.Api.Customers.CustomerUpdateRequest))]
[JsonSerializable(typeof(Retenza.Api.Customers.CustomerExport))]
[JsonSerializable(typeof(TenantInfo))]
[JsonSerializable(typeof(JsonDocument))]
[JsonSerializable(typeof(OrderRequest))]
[JsonSerializable(typeof(OrderSnapshot))]
[JsonSerializable(typeof(TriagePolicy))]
[JsonSerializable(typeof(TriagePreviewRequest))]
[JsonSerializable(typeof(IReadOnlyList<PolicyVersionInfo>))]
public sealed partial class RetenzaJsonContext : JsonSerializerContext;
