using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace Retenza.Hosting;

/// <summary>
/// Retenza.Triage stays free of Orleans, so its records (order snapshots, assessments) cross silos and
/// reach grain storage as JSON inside Orleans' own format. Silos, clients and test
/// clusters all register it here, so every process reads what another wrote.
/// </summary>
public static class TriageSerialization
{
    /// <summary>
    /// camelCase properties and enums as snake_case names ("held_at_customs"), never numbers: stored
    /// state must survive a reordering of enum members, and reads as the API shows it.
    /// </summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    /// <summary>Types of Retenza.Triage and its sub-namespaces; nothing else goes through JSON.</summary>
    public static bool IsTriageType(Type type) =>
        type.Namespace is { } ns && (ns == "Retenza.Triage" || ns.StartsWith("Retenza.Triage.", StringComparison.Ordinal));

    /// <summary>Serialized as JSON; copied between grains by reference (see <see cref="TriageRecordCopier"/>).</summary>
    public static IServiceCollection AddTriageSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer =>
        {
            serializer.AddJsonSerializer(isSerializable: IsTriageType, isCopyable: null, json => json.Configure(o => o.SerializerOptions = JsonOptions));
            serializer.Services.AddSingleton<IGeneralizedCopier, TriageRecordCopier>();
        });

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
