using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Retenza.Api.Auth;
using Retenza.Api.Infrastructure;
using Retenza.Orders;
using Retenza.Triage.Orders;

namespace Retenza.Api.Orders;

public static class OrdersApi
{
    private const string InvalidTitle = "The order is not valid";

    public static RouteGroupBuilder MapOrdersApi(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/orders").WithTags("Orders").RequireAuthorization(Policies.Platform);
        group.MapPut("/{orderId}", Put)
            .WithSummary("Push the platform's current snapshot of an order; triage grounds its facts and drafts in it. Idempotent.")
            // Documented, not enforced by routing: the handler answers a wrong media type with its own 415 after auth.
            .AddOpenApiOperationTransformer(async (operation, context, ct) =>
            {
                var schema = await context.GetOrCreateSchemaAsync(typeof(OrderRequest), null, ct);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
                };
            })
            .Produces<OrderSnapshot>(StatusCodes.Status201Created)
            .Produces<OrderSnapshot>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/{orderId}", Get)
            .WithSummary("The order as last pushed. Ids compare without case and a leading '#'.")
            .Produces<OrderSnapshot>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<IResult> Put(
        string orderId,
        HttpRequest request,
        IGrainFactory grains,
        IOptions<ApiSettings> settings,
        CancellationToken ct)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, RetenzaJsonContext.Default.JsonDocument, settings.Value.MaxMessageBytes, ct);
        if (problem is not null)
        {
            return problem;
        }

        using (document)
        {
            var (body, invalid) = Read(orderId, document!.RootElement);
            if (invalid is not null)
            {
                return invalid;
            }

            if (!OrderRequestValidator.TryValidate(orderId, body!, out var order, out var errors))
            {
                return TypedResults.ValidationProblem(errors, title: InvalidTitle);
            }

            var tenant = request.HttpContext.User.Tenant();
            var result = await OrderPush.PutAsync(grains, tenant, order!);
            return result.Outcome == OrderPutOutcome.Created
                ? TypedResults.Created($"/v1/orders/{Uri.EscapeDataString(result.Order.OrderId)}", result.Order)
                : TypedResults.Ok(result.Order);
        }
    }

    private static async Task<IResult> Get(string orderId, HttpContext http, IGrainFactory grains)
    {
        var id = OrderReference.Normalize(orderId);
        if (!OrderReference.IsValid(id))
        {
            return Problems.NotFound("order");
        }

        var order = await grains.GetGrain<IOrderGrain>(OrderIds.Key(http.User.Tenant(), id)).Get();
        return order is null ? Problems.NotFound("order") : TypedResults.Ok(order);
    }

    /// <summary>
    /// The body as an order request. Unknown fields are all named at once (with an invalid order id,
    /// if that is wrong too); a value of the wrong JSON type is named by its path.
    /// </summary>
    private static (OrderRequest? Body, IResult? Problem) Read(string orderId, JsonElement root)
    {
        var unknown = UnknownJsonFields.Find(root, RetenzaJsonContext.Default.OrderRequest);
        if (unknown.Count > 0)
        {
            var errors = new ValidationErrors();
            OrderRequestValidator.ValidateOrderId(orderId, errors);
            foreach (var field in unknown)
            {
                errors.Add(field, "Unknown field.");
            }

            return (null, TypedResults.ValidationProblem(errors.ToDictionary(), title: InvalidTitle,
                detail: $"Unknown fields: {string.Join(", ", unknown)}."));
        }

        try
        {
            var body = root.Deserialize(RetenzaJsonContext.Default.OrderRequest);
            return body is null
                ? (null, Problems.Create(StatusCodes.Status400BadRequest, "Malformed JSON", "The request body must be a JSON object, not null."))
                : (body, null);
        }
        catch (JsonException e)
        {
            var path = e.Path is null or "$" ? null : e.Path.TrimStart('$', '.');
            return (null, Problems.Create(StatusCodes.Status400BadRequest, "Malformed JSON",
                path is null ? "The body is not a valid JSON object." : $"Invalid value at '{path}'."));
        }
    }
}
