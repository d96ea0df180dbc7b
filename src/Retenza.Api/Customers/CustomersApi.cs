using Retenza.Api.Auth;
using Retenza.Api.Infrastructure;
using Retenza.Api.Messages;
using Retenza.Customers;
using Retenza.Tenancy;

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
        return v1;
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
