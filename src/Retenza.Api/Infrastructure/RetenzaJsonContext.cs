using System.Text.Json;
using System.Text.Json.Serialization;
using Retenza.Api.Agents;
using Retenza.Api.Messages;
using Retenza.Api.Queues;
using Retenza.Api.Tickets;
using Retenza.Api.Orders;
using Retenza.Api.Previews;
using Retenza.Api.Tenancy;
using Retenza.Customers;
using Retenza.Outcomes;
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
[JsonSerializable(typeof(AgentRequest))]
[JsonSerializable(typeof(SignInRequest))]
[JsonSerializable(typeof(NoteRequest))]
[JsonSerializable(typeof(AgentCreated))]
[JsonSerializable(typeof(AgentToken))]
[JsonSerializable(typeof(AgentMe))]
[JsonSerializable(typeof(ClaimResponse))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(QueueSummary[]))]
[JsonSerializable(typeof(QueueListing))]
[JsonSerializable(typeof(Briefing))]
[JsonSerializable(typeof(ReplyRequest))]
[JsonSerializable(typeof(FeedbackRequest))]
[JsonSerializable(typeof(AgentReply))]
[JsonSerializable(typeof(TicketFeedback))]
[JsonSerializable(typeof(OutcomeLog))]
[JsonSerializable(typeof(Retenza.Api.Analytics.AutoSendReport))]
[JsonSerializable(typeof(TransferRequest))]
[JsonSerializable(typeof(TransferResponse))]
public sealed partial class RetenzaJsonContext : JsonSerializerContext;
