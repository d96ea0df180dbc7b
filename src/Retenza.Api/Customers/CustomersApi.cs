using Retenza.Api.Auth;
using Retenza.Api.Infrastructure;
using Retenza.Api.Messages;
using Retenza.Customers;
using Retenza.Orders;
using Retenza.Triage.Orders;
using Microsoft.Extensions.Options;
using Retenza.Tenancy;
using Retenza.Tickets;

namespace Retenza.Api.Customers;

public static class CustomersApi
{
    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/customers").WithTags("Customers").RequireAuthorization(Policies.Platform);
        group.MapGet("/{id}", GetById)
            .WithSummary("A customer and the tickets they opened.")
            .Produces<CustomerSnapshot>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/by-email/{email}", GetByEmail)
            .WithSummary("A customer found by email address (case-insensitive). Addresses with '/' need the ?email= form.")
            .Produces<CustomerSnapshot>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        // ASP.NET leaves %2F encoded in route values, so an address with '/' can only travel in the query.
        group.MapGet("/", (string? email, HttpContext http, IGrainFactory grains) => GetByEmail(email ?? "", http, grains))
            .WithSummary("A customer found by email address: GET /v1/customers?email=…")
            .Produces<CustomerSnapshot>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/by-email/{email}", Put)
            .WithSummary("Set what the platform knows about a customer (name, VIP, lifetime value, external id); creates the customer if new.")
            .Accepts<CustomerUpdateRequest>("application/json")
            .Produces<CustomerSnapshot>(StatusCodes.Status201Created)
            .Produces<CustomerSnapshot>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapDelete("/{id}", Erase)
            .WithSummary("Right to erasure: removes the customer's personal data from the record, every ticket's messages and every order pushed with their email; audit entries, amounts and counts stay, anonymised.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/export", Export)
            .WithSummary("Everything held about a customer: the record, the contact history, every ticket with its thread and audit trail, and every order pushed with their email.")
            .Produces<CustomerExport>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<IResult> Put(string email, HttpRequest request, IGrainFactory grains, IOptions<ApiSettings> settings, CancellationToken ct)
    {
        if (!InboundMessageValidator.IsEmail(email.Trim()))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = [$"'{email}' is not a valid email address."] });
        }

        var (body, problem) = await JsonBody.ReadAsync(request, RetenzaJsonContext.Default.CustomerUpdateRequest, settings.Value.MaxMessageBytes, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = body!.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The customer is not valid");
        }

        var tenant = request.HttpContext.User.Tenant();
        var id = CustomerIds.ForEmail(tenant, email);
        var result = await grains.GetGrain<ICustomerGrain>(GrainKeys.Compose(tenant, id))
            .Update(new CustomerUpdate(email, body.Name?.Trim(), body.Vip, body.LifetimeValue, body.ExternalId?.Trim()));
        return result.Created ? TypedResults.Created($"/v1/customers/{id}", result.Customer) : TypedResults.Ok(result.Customer);
    }

    private static async Task<IResult> Erase(string id, HttpContext http, IGrainFactory grains)
    {
        if (!CustomerIds.IsWellFormed(id))
        {
            return Problems.NotFound("customer");
        }

        var erased = await grains.GetGrain<ICustomerGrain>(GrainKeys.Compose(http.User.Tenant(), id)).Erase();
        return erased ? TypedResults.NoContent() : Problems.NotFound("customer");
    }

    private static async Task<IResult> Export(string id, HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        if (!CustomerIds.IsWellFormed(id))
        {
            return Problems.NotFound("customer");
        }

        var tenant = http.User.Tenant();
        var customer = await grains.GetGrain<ICustomerGrain>(GrainKeys.Compose(tenant, id)).Get();
        if (customer is null)
        {
            return Problems.NotFound("customer");
        }

        var holdings = await grains.GetGrain<ICustomerGrain>(GrainKeys.Compose(tenant, id)).Holdings();
        var tickets = await Task.WhenAll(holdings.TicketIds.Select(t => grains.GetGrain<ITicketGrain>(GrainKeys.Compose(tenant, t)).Get()));
        var orders = await Task.WhenAll(holdings.OrderIds.Select(o => grains.GetGrain<IOrderGrain>(OrderIds.Key(tenant, o)).Get()));

        // An order pushed with this email and then re-pushed with another belongs to that other customer now.
        return TypedResults.Ok(new CustomerExport(time.GetUtcNow(), customer, [.. tickets.OfType<TicketSnapshot>()])
        {
            Orders = [.. orders.OfType<OrderSnapshot>().Where(o => CustomerIds.ForEmail(tenant, o.CustomerEmail) == id)],
        });
    }

    private static Task<IResult> GetById(string id, HttpContext http, IGrainFactory grains) =>
        CustomerIds.IsWellFormed(id) ? Find(grains, http.User.Tenant(), id) : Task.FromResult(Problems.NotFound("customer"));

    private static Task<IResult> GetByEmail(string email, HttpContext http, IGrainFactory grains)
    {
        if (!InboundMessageValidator.IsEmail(email.Trim()))
        {
            return Task.FromResult<IResult>(TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["email"] = [$"'{email}' is not a valid email address."] }));
        }

        var tenant = http.User.Tenant();
        return Find(grains, tenant, CustomerIds.ForEmail(tenant, email));
    }

    private static async Task<IResult> Find(IGrainFactory grains, string tenant, string id)
    {
        var customer = await grains.GetGrain<ICustomerGrain>(GrainKeys.Compose(tenant, id)).Get();
        return customer is null ? Problems.NotFound("customer") : TypedResults.Ok(customer);
    }
}
