using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Retenza.Api.Auth;
using Retenza.Api.Infrastructure;
using Retenza.Grains.Policy;
using Retenza.Hosting;
using Retenza.Policy;
using Retenza.Triage.Policy;

namespace Retenza.Api.Policy;

/// <summary>The tenant's routing policy (SPEC §4 defaults until changed), versioned, for operators only.</summary>
public static class PolicyApi
{
    private const int MaxPolicyBytes = 256 * 1024;

    /// <summary>
    /// Reflection-based on purpose: source-generated metadata sets every missing init-only property
    /// to zero/null, while a policy document may omit any field and take the default.
    /// </summary>
    private static readonly JsonTypeInfo<TriagePolicy> PolicyJson = (JsonTypeInfo<TriagePolicy>)new JsonSerializerOptions(TriageSerialization.JsonOptions)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    }.GetTypeInfo(typeof(TriagePolicy));

    public static RouteGroupBuilder MapPolicyApi(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/policy").WithTags("Policy").RequireAuthorization(Policies.Admin);
        group.MapGet("/", GetCurrent)
            .WithSummary("The current routing policy, with its version (the ETag).")
            .Produces<TriagePolicy>();
        group.MapPut("/", Put)
            .WithSummary("Store a new policy version. Omitted fields take the defaults. Send If-Match: \"<version>\" to refuse a stale edit.")
            .Accepts<TriagePolicy>("application/json")
            .Produces<TriagePolicy>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/versions", Versions)
            .WithSummary("Stored versions, newest first: who changed the policy and when.")
            .Produces<IReadOnlyList<PolicyVersionInfo>>();
        group.MapGet("/versions/{version}", GetVersion)
            .WithSummary("One stored version, as assessments cite it.")
            .Produces<TriagePolicy>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<IResult> GetCurrent(HttpContext http, IGrainFactory grains)
    {
        var policy = await Grain(http, grains).Get();
        http.Response.Headers.ETag = $"\"{policy.Version}\"";
        return TypedResults.Ok(policy);
    }

    private static async Task<IResult> Put(HttpContext http, IGrainFactory grains, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync(http.Request, PolicyJson, MaxPolicyBytes, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = PolicyValidator.Validate(body!);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var expected = http.Request.Headers.IfMatch.ToString() is { Length: > 0 } ifMatch ? ifMatch.Trim().Trim('"') : null;
        var update = await Grain(http, grains).Put(body!, expected, http.User.Actor());
        switch (update.Outcome)
        {
            case PolicyUpdateOutcome.Stored:
                http.Response.Headers.ETag = $"\"{update.Current.Version}\"";
                http.Response.Headers["Retenza-Effective-Within"] = $"{TenantPolicyCache.Lifetime.TotalSeconds:0}s";
                return TypedResults.Ok(update.Current);
            case PolicyUpdateOutcome.VersionConflict:
                return Problems.Create(StatusCodes.Status412PreconditionFailed, "Policy changed meanwhile", string.Join(" ", update.Errors));
            default:
                return Invalid(update.Errors);
        }
    }

    private static async Task<IResult> Versions(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(http, grains).Versions());

    private static async Task<IResult> GetVersion(string version, HttpContext http, IGrainFactory grains)
    {
        var policy = version.Length <= 40 ? await Grain(http, grains).GetVersion(version) : null;
        return policy is null ? Problems.NotFound("policy version") : TypedResults.Ok(policy);
    }

    private static IPolicyGrain Grain(HttpContext http, IGrainFactory grains) =>
        grains.GetGrain<IPolicyGrain>(PolicyKeys.For(http.User.Tenant()));

    private static IResult Invalid(IReadOnlyList<string> errors) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["policy"] = errors.ToArray() }, title: "The policy is not valid");
}
