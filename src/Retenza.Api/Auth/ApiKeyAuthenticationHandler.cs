using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Retenza.Api.Tenancy;
using Retenza.Tenants;

namespace Retenza.Api.Auth;

/// <summary>
/// Turns "Authorization: Bearer &lt;tenant API key or agent token&gt;" into a principal with the tenant and
/// the role: platform or admin for keys, agent (plus the agent id) for agent tokens.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ITenantDirectory tenants,
    AgentTokenResolver agents,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length)
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <api key>'.");
        }

        var key = header[BearerPrefix.Length..].Trim();
        if (Retenza.Agents.AgentTokens.LooksLikeAgentToken(key))
        {
            var agent = await agents.FindAsync(key);
            return agent is null
                ? AuthenticateResult.Fail("Unknown agent token.")
                : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(
                    [
                        new Claim(RetenzaClaims.Tenant, agent.Value.Tenant),
                        new Claim(RetenzaClaims.Agent, agent.Value.AgentId),
                        new Claim(ClaimTypes.Role, Roles.Agent),
                    ],
                    SchemeName)), SchemeName));
        }

        var found = await tenants.FindAsync(key, Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(RetenzaClaims.Tenant, found.Tenant),
                new Claim(ClaimTypes.Role, found.Kind == ApiKeyKind.Admin ? Roles.Admin : Roles.Platform),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var result = await HandleAuthenticateOnceSafeAsync();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Authentication required",
                Detail = result.Failure?.Message ?? "Send the tenant API key as 'Authorization: Bearer <key>'.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = "This key's role may not call this endpoint.",
            },
        });
    }
}
