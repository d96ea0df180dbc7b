using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Retenza.Api.Auth;

namespace Retenza.Api.Infrastructure;

public static class ApiServiceExtensions
{
    /// <summary>Everything the HTTP surface needs: auth, problem details, JSON, OpenAPI, health.</summary>
    public static void AddRetenzaApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiSettings>().Bind(builder.Configuration.GetSection(ApiSettings.SectionName))
            .Validate(s => s.MaxMessageBytes > 0, "Retenza:Api:MaxMessageBytes must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Retenza.Triage.Reading.IMimeEmailParser, Retenza.Triage.Reading.MimeEmailParser>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ClusterUnavailableHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, RetenzaJsonContext.Default);
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });

        services.AddMemoryCache(o => o.SizeLimit ??= 100_000);
        services.AddSingleton<AgentTokenResolver>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Platform, p => p.RequireRole(Roles.Platform, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Agent, p => p.RequireRole(Roles.Agent))
            .AddPolicy(Policies.AgentOrAdmin, p => p.RequireRole(Roles.Agent, Roles.Admin));

        services.AddHealthChecks().AddCheck<ClusterReadyCheck>("cluster", tags: ["ready"]);
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<BearerSecurityTransformer>();
            o.AddSchemaTransformer<SnakeCaseEnumSchemaTransformer>();
        });
    }
}
