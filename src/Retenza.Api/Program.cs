using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Retenza.Api.Agents;
using Retenza.Api.Analytics;
using Retenza.Api.Auth;
using Retenza.Api.Customers;
using Retenza.Api.Infrastructure;
using Retenza.Api.Messages;
using Retenza.Api.Orders;
using Retenza.Api.Policy;
using Retenza.Api.Previews;
using Retenza.Api.Queues;
using Retenza.Api.Tenancy;
using Retenza.Api.Tickets;
using Scalar.AspNetCore;

// Content root = the app's own folder, so appsettings.json applies wherever the process is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.UseDefaultUrl();
builder.AddRetenzaCluster();
builder.AddRetenzaApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapOpenApi();
app.MapScalarApiReference();

var v1 = app.MapGroup("/v1");
v1.MapMessagesApi();
v1.MapTicketsApi();
v1.MapCustomersApi();
v1.MapOrdersApi();
v1.MapTenantApi();
v1.MapPolicyApi();
v1.MapTriagePreviewApi();
v1.MapAgentsApi();
v1.MapQueuesApi();
v1.MapTicketClaimsApi();
v1.MapTicketTransferApi();
v1.MapOutcomesApi();
v1.MapAnalyticsApi();

app.Run();

public partial class Program;
