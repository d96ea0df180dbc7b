using System.Text.Json;
using Microsoft.Extensions.Options;
using Retenza.Api.Auth;
using Retenza.Api.Infrastructure;
using Retenza.Api.Messages;
using Retenza.Api.Orders;
using Retenza.Previews;
using Retenza.Triage;
using Retenza.Triage.Customers;
using Retenza.Triage.Orders;

namespace Retenza.Api.Previews;

/// <summary>The full assessment of an email without creating a ticket: for operators tuning policy and platforms testing.</summary>
public static class TriagePreviewApi
{
    private const string InvalidTitle = "The preview request is not valid";

    public static RouteGroupBuilder MapTriagePreviewApi(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/triage").WithTags("Triage").RequireAuthorization(Policies.Platform);
        group.MapPost("/preview", Preview)
            .WithSummary("Triage an email (optionally with its order and an assumed customer standing) and return the full assessment. Creates nothing.")
            .Accepts<TriagePreviewRequest>("application/json")
            .Produces<TriageResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return v1;
    }

    private static async Task<IResult> Preview(
        HttpRequest request, IGrainFactory grains, IOptions<ApiSettings> settings, TimeProvider time, CancellationToken ct)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, RetenzaJsonContext.Default.JsonDocument, settings.Value.MaxMessageBytes, ct);
        if (problem is not null)
        {
            return problem;
        }

        using (document)
        {
            var unknown = UnknownJsonFields.Find(document!.RootElement, RetenzaJsonContext.Default.TriagePreviewRequest);
            if (unknown.Count > 0)
            {
                return TypedResults.ValidationProblem(unknown.ToDictionary(f => f, _ => new[] { "Unknown field." }),
                    title: InvalidTitle, detail: $"Unknown fields: {string.Join(", ", unknown)}.");
            }

            TriagePreviewRequest? body;
            try
            {
                body = document.RootElement.Deserialize(RetenzaJsonContext.Default.TriagePreviewRequest);
            }
            catch (JsonException e)
            {
                return Problems.Create(StatusCodes.Status400BadRequest, "Malformed JSON", $"Invalid value at '{e.Path?.TrimStart('$', '.')}'.");
            }

            if (body?.Message is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["message"] = ["Required: the email to triage."] }, title: InvalidTitle);
            }

            // A preview stores nothing, so it needs no idempotency key.
            body.Message.MessageId ??= $"preview-{Guid.NewGuid():N}@retenza.invalid";
            if (!InboundMessageValidator.TryValidate(body.Message, time.GetUtcNow(), out var message, out var errors))
            {
                return TypedResults.ValidationProblem(Prefixed("message", errors), title: InvalidTitle);
            }

            OrderSnapshot? order = null;
            if (body.Order is not null)
            {
                if (message!.OrderId is null)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["message.orderId"] = ["Required with 'order': the id the supplied order stands for."],
                    }, title: InvalidTitle);
                }

                if (!OrderRequestValidator.TryValidate(message.OrderId, body.Order, out order, out var orderErrors))
                {
                    return TypedResults.ValidationProblem(Prefixed("order", orderErrors), title: InvalidTitle);
                }

                order = order! with { UpdatedAt = time.GetUtcNow() };
            }

            var customer = body.Customer is null ? null : new CustomerContext(body.Customer.Vip ?? false, body.Customer.LifetimeValue ?? 0m, []);
            var result = await grains.GetGrain<ITriagePreviewGrain>(0).Preview(request.HttpContext.User.Tenant(), message!, order, customer);
            return TypedResults.Ok(result);
        }
    }

    private static Dictionary<string, string[]> Prefixed(string prefix, Dictionary<string, string[]> errors) =>
        errors.ToDictionary(e => $"{prefix}.{e.Key}", e => e.Value);
}
