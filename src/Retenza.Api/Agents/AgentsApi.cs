using Retenza.Agents;
using Retenza.Api.Auth;
using Retenza.Api.Infrastructure;
using Retenza.Policy;
using Retenza.Queues;
using Retenza.Tenancy;

namespace Retenza.Api.Agents;

/// <summary>Agents: created and re-keyed by operators (admin key); their own session and claims (agent token).</summary>
public static class AgentsApi
{
    private const int MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapAgentsApi(this RouteGroupBuilder v1)
    {
        var admin = v1.MapGroup("/agents").WithTags("Agents").RequireAuthorization(Policies.Admin);
        admin.MapPost("/", Create)
            .WithSummary("Create an agent: {name, email, queues[], capacity}. Answers the agent and its token, shown only this once.")
            .Accepts<AgentRequest>("application/json")
            .Produces<AgentCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/{id}", GetAgent).WithSummary("An agent's profile (never the token).").Produces<AgentProfile>().ProducesProblem(404);
        admin.MapPost("/{id}/token", NewToken)
            .WithSummary("Issue a new token for the agent; the old one stops working (within 30 s on every API node).")
            .Produces<AgentToken>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Literal "me" wins over the {id} template; these need the agent's own token.
        var me = v1.MapGroup("/agents/me").WithTags("Agent session").RequireAuthorization(Policies.Agent);
        me.MapGet("/", Me).WithSummary("The calling agent and their session.").Produces<AgentMe>();
        me.MapPost("/session", SignIn)
            .WithSummary("Sign in (or change queues and capacity): {queues?, capacity?}, within the agent's profile.")
            .Produces<AgentSession>()
            .ProducesValidationProblem();
        me.MapDelete("/session", SignOut).WithSummary("Sign out: every claim goes back to its queue (audit: released).").Produces<AgentSession>();
        me.MapPost("/heartbeat", Heartbeat)
            .WithSummary("Keep the session's claims: without a heartbeat for 2 minutes they return to their queues.")
            .Produces<AgentSession>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        me.MapPost("/claims", ClaimNext)
            .WithSummary("Claim the next ticket from your queues (priority, then SLA due, then age). 204 when nothing waits.")
            .Produces<ClaimResponse>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status409Conflict);
        me.MapGet("/claims", (HttpContext http, IGrainFactory grains) => Session(http, grains).Get().ContinueWith(t => TypedResults.Ok(t.Result.Claims)))
            .WithSummary("The tickets you hold.")
            .Produces<IReadOnlyList<string>>();
        return v1;
    }

    private static async Task<IResult> Create(HttpContext http, IGrainFactory grains, TimeProvider time, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync(http.Request, RetenzaJsonContext.Default.AgentRequest, MaxBodyBytes, ct);
        if (problem is not null)
        {
            return problem;
        }

        var tenant = http.User.Tenant();
        var queues = QueueKeys.Known(await grains.GetGrain<IPolicyGrain>(PolicyKeys.For(tenant)).Get());
        var errors = AgentRequestValidator.Validate(body!, queues);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The agent is not valid");
        }

        var email = body!.Email!.Trim().ToLowerInvariant();
        var id = AgentIds.ForEmail(tenant, email);
        var token = AgentTokens.Generate(tenant, id);
        var profile = new AgentProfile(id, body.Name!.Trim(), email, body.Queues!.Distinct().ToArray(), body.Capacity!.Value, time.GetUtcNow());
        if (!await grains.GetGrain<IAgentGrain>(GrainKeys.Compose(tenant, id)).Create(profile, AgentTokens.Hash(token)))
        {
            return Problems.Create(StatusCodes.Status409Conflict, "Agent exists",
                $"An agent with email '{email}' already exists ({id}); issue a new token with POST /v1/agents/{id}/token.");
        }

        return TypedResults.Created($"/v1/agents/{id}", new AgentCreated(profile, token));
    }

    private static async Task<IResult> GetAgent(string id, HttpContext http, IGrainFactory grains)
    {
        var profile = AgentIds.IsWellFormed(id) ? await grains.GetGrain<IAgentGrain>(GrainKeys.Compose(http.User.Tenant(), id)).Get() : null;
        return profile is null ? Problems.NotFound("agent") : TypedResults.Ok(profile);
    }

    private static async Task<IResult> NewToken(string id, HttpContext http, IGrainFactory grains)
    {
        if (!AgentIds.IsWellFormed(id))
        {
            return Problems.NotFound("agent");
        }

        var tenant = http.User.Tenant();
        var token = AgentTokens.Generate(tenant, id);
        var profile = await grains.GetGrain<IAgentGrain>(GrainKeys.Compose(tenant, id)).ReplaceToken(AgentTokens.Hash(token));
        return profile is null ? Problems.NotFound("agent") : TypedResults.Ok(new AgentToken(id, token));
    }

    private static async Task<IResult> Me(HttpContext http, IGrainFactory grains)
    {
        var profile = await grains.GetGrain<IAgentGrain>(AgentKey(http)).Get();
        return profile is null ? Problems.NotFound("agent") : TypedResults.Ok(new AgentMe(profile, await Session(http, grains).Get()));
    }

    private static async Task<IResult> SignIn(HttpContext http, IGrainFactory grains, CancellationToken ct)
    {
        var body = new SignInRequest();
        if (JsonBody.IsPresent(http.Request))
        {
            var (read, problem) = await JsonBody.ReadAsync(http.Request, RetenzaJsonContext.Default.SignInRequest, MaxBodyBytes, ct);
            if (problem is not null)
            {
                return problem;
            }

            body = read!;
        }

        var profile = await grains.GetGrain<IAgentGrain>(AgentKey(http)).Get();
        if (profile is null)
        {
            return Problems.NotFound("agent");
        }

        var errors = new Dictionary<string, string[]>();
        AgentRequestValidator.ValidateQueues(body.Queues, profile.Queues, required: false, errors);
        if (body.Capacity is { } capacity && (capacity < 1 || capacity > profile.Capacity))
        {
            errors["capacity"] = [$"Capacity must be between 1 and your profile's {profile.Capacity}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The session is not valid");
        }

        return TypedResults.Ok(await Session(http, grains).SignIn(body.Queues, body.Capacity));
    }

    private static async Task<IResult> SignOut(HttpContext http, IGrainFactory grains) => TypedResults.Ok(await Session(http, grains).SignOut());

    private static async Task<IResult> Heartbeat(HttpContext http, IGrainFactory grains)
    {
        var session = await Session(http, grains).Heartbeat();
        return session is null ? NotSignedIn() : TypedResults.Ok(session);
    }

    private static async Task<IResult> ClaimNext(HttpContext http, IGrainFactory grains) =>
        ClaimResults.From(await Session(http, grains).ClaimNext());

    public static IAgentSessionGrain Session(HttpContext http, IGrainFactory grains) => grains.GetGrain<IAgentSessionGrain>(AgentKey(http));

    private static string AgentKey(HttpContext http) => GrainKeys.Compose(http.User.Tenant(), http.User.AgentId());

    private static IResult NotSignedIn() => Problems.Create(StatusCodes.Status409Conflict, "Not signed in", "Sign in first: POST /v1/agents/me/session.");
}
