using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Retenza.Api.Auth;
using Retenza.Api.Infrastructure;
using Retenza.Customers;
using Retenza.Tenancy;
using Retenza.Tickets;
using Retenza.Triage.Reading;

namespace Retenza.Api.Messages;

public static class MessagesApi
{
    public static RouteGroupBuilder MapMessagesApi(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/messages").WithTags("Messages").RequireAuthorization(Policies.Platform);
        group.MapPost("/", Ingest)
            .WithSummary("Ingest an inbound customer email: opens and triages a ticket. Idempotent on messageId.")
            // Documented, not enforced by routing: the handler answers a wrong media type with its own 415 after auth.
            .AddOpenApiOperationTransformer(async (operation, context, ct) =>
            {
                var schema = await context.GetOrCreateSchemaAsync(typeof(InboundMessageRequest), null, ct);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "The message as JSON, or the raw email (RFC 5322) as message/rfc822 with an optional ?orderId=.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = schema },
                        [RawEmailBody.MediaType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                    },
                };
            })
            .Produces<TicketSummary>(StatusCodes.Status201Created)
            .Produces<TicketSummary>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return v1;
    }

    private static async Task<IResult> Ingest(
        HttpRequest request,
        IGrainFactory grains,
        IMimeEmailParser mime,
        IOptions<ApiSettings> settings,
        TimeProvider time,
        CancellationToken ct)
    {
        InboundMessageRequest? body;
        IReadOnlyList<AttachmentInfo> attachments = [];
        IResult? problem;
        if (RawEmailBody.IsRawEmail(request))
        {
            (body, attachments, problem) = await RawEmailBody.ReadAsync(request, mime, settings.Value.MaxMessageBytes, ct);
        }
        else if (request.HasJsonContentType())
        {
            (body, problem) = await JsonBody.ReadAsync(request, RetenzaJsonContext.Default.InboundMessageRequest, settings.Value.MaxMessageBytes, ct);
        }
        else
        {
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send the message as 'Content-Type: application/json', or the raw email as '{RawEmailBody.MediaType}'.");
        }

        if (problem is not null)
        {
            return problem;
        }

        if (!InboundMessageValidator.TryValidate(body!, time.GetUtcNow(), out var message, out var errors))
        {
            return TypedResults.ValidationProblem(errors, title: "The message is not valid");
        }

        message = message! with { Attachments = attachments };

        var tenant = request.HttpContext.User.Tenant();
        var customerId = CustomerIds.ForEmail(tenant, message.From.Email);
        var result = await grains.GetGrain<ICustomerGrain>(GrainKeys.Compose(tenant, customerId)).Ingest(message);
        return result.Outcome switch
        {
            IngestOutcome.Created => TypedResults.Created($"/v1/tickets/{result.Ticket!.TicketId}", result.Ticket),
            IngestOutcome.Replayed => TypedResults.Ok(result.Ticket),
            // A reply joined an existing ticket: nothing new was created, the thread it joined is returned.
            IngestOutcome.Threaded => TypedResults.Ok(result.Ticket),
            _ => Problems.Create(StatusCodes.Status409Conflict, "Message id already used",
                $"Message '{message.MessageId}' was already ingested from a different sender; message ids must be unique per tenant."),
        };
    }
}
