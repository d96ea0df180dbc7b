using System.Text.Json;

namespace Retenza.Api.Infrastructure;

/// <summary>
/// A string property whose value must be one of an enum's members, spelled snake_case
/// ("partially_delivered"). Validation parses with it; the OpenAPI document lists the values.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SnakeCaseEnumAttribute(Type enumType) : Attribute
{
    public IReadOnlyList<string> Names { get; } = Enum.GetNames(enumType).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName).ToArray();
}
