using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Retenza.Api.Infrastructure;

/// <summary>
/// Every field of a JSON document that the target type does not have, at any depth, as paths
/// ("gift", "shipments[0].trackingUrl") in document order. The serializer stops at the first
/// unknown field; a caller fixing a payload wants to hear about all of them at once.
/// </summary>
public static class UnknownJsonFields
{
    public static IReadOnlyList<string> Find(JsonElement root, JsonTypeInfo typeInfo)
    {
        var found = new List<string>();
        Walk(root, typeInfo, "", found);
        return found;
    }

    private static void Walk(JsonElement element, JsonTypeInfo typeInfo, string path, List<string> found)
    {
        if (typeInfo.Kind == JsonTypeInfoKind.Object && element.ValueKind == JsonValueKind.Object)
        {
            var comparison = typeInfo.Options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            foreach (var property in element.EnumerateObject())
            {
                var at = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                var known = typeInfo.Properties.FirstOrDefault(p => string.Equals(p.Name, property.Name, comparison));
                if (known is null)
                {
                    found.Add(at);
                }
                else
                {
                    Walk(property.Value, typeInfo.Options.GetTypeInfo(known.PropertyType), at, found);
                }
            }
        }
        else if (typeInfo is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } elementType } && element.ValueKind == JsonValueKind.Array)
        {
            var elementInfo = typeInfo.Options.GetTypeInfo(elementType);
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, elementInfo, $"{path}[{index++}]", found);
            }
        }
    }
}
