using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Retenza.Api.Infrastructure;

/// <summary>Lists the allowed values of string properties marked <see cref="SnakeCaseEnumAttribute"/> in the OpenAPI document.</summary>
internal sealed class SnakeCaseEnumSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var allowed = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(SnakeCaseEnumAttribute), inherit: false)
            .OfType<SnakeCaseEnumAttribute>()
            .FirstOrDefault();
        if (allowed is not null)
        {
            schema.Enum = allowed.Names.Select(name => (JsonNode)JsonValue.Create(name)).ToList();
        }

        return Task.CompletedTask;
    }
}
