using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Retenza.Grains.Orders;
using Retenza.Hosting;
using Retenza.Orders;
using Retenza.Triage;
using Retenza.Triage.Customers;
using Retenza.Triage.Orders;
using Retenza.Triage.Policy;
using Retenza.TriageTools;

namespace Retenza.Grains.Tests.Orders;

public sealed class TriageSerializationTests
{
    [Theory]
    [InlineData(typeof(OrderSnapshot))]
    [InlineData(typeof(ShipmentStatus))]
    [InlineData(typeof(TriagePolicy))]
    [InlineData(typeof(TriageAssessment))]
    public void Triage_types_go_through_json(Type type) => Assert.True(TriageSerialization.IsTriageType(type));

    [Theory]
    [InlineData(typeof(OrderState))]          // Retenza.Grains.Orders: Orleans' own codec
    [InlineData(typeof(OrderPutResult))]
    [InlineData(typeof(string))]
    [InlineData(typeof(List<OrderSnapshot>))] // the list is Orleans'; its elements are JSON
    [InlineData(typeof(TriageLookalike))]
    public void Other_types_keep_orleans_codecs(Type type) => Assert.False(TriageSerialization.IsTriageType(type));

    [Fact]
    public void Json_names_enum_members_in_snake_case_and_reads_them_back()
    {
        var json = JsonSerializer.Serialize(new Refund(RefundStatus.Requested, 5m, null), TriageSerialization.JsonOptions);

        Assert.Equal("""{"status":"requested","amount":5,"issuedAt":null}""", json);
        Assert.Equal(ShipmentStatus.ReturnedToSender, JsonSerializer.Deserialize<ShipmentStatus>("\"returned_to_sender\"", TriageSerialization.JsonOptions));
    }

    [Fact]
    public void The_shared_options_cannot_be_changed_by_a_caller() =>
        Assert.Throws<InvalidOperationException>(() => TriageSerialization.JsonOptions.WriteIndented = true);

    [Fact]
    public void Triage_records_are_handed_over_between_grains_not_copied_and_still_serialize()
    {
        var services = new ServiceCollection().AddTriageSerialization().BuildServiceProvider();
        var context = new CustomerContext(true, 120m, [new PriorContact("tkt-1", DateTimeOffset.UnixEpoch, "track_order", "RT-1", -0.2, "low", "auto", null)]);

        Assert.Same(context, services.GetRequiredService<DeepCopier>().Copy(context));
        var serializer = services.GetRequiredService<Serializer>();
        var copy = serializer.Deserialize<CustomerContext>(serializer.SerializeToArray(context));
        Assert.NotSame(context, copy);
        Assert.Equal(context.EarlierContacts.Single(), copy!.EarlierContacts.Single());
    }

    /// <summary>
    /// Handing over the same instance is sound only while no Retenza.Triage type can change after construction:
    /// no settable properties, no writable fields, no arrays or mutable collections in its public surface.
    /// </summary>
    [Fact]
    public void Every_public_triage_type_is_immutable_in_shape()
    {
        Type[] mutableCollections = [typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>), typeof(ICollection<>), typeof(IList<>), typeof(IDictionary<,>), typeof(ISet<>)];
        bool Mutable(Type type) => type.IsArray || (type.IsGenericType && mutableCollections.Contains(type.GetGenericTypeDefinition()));

        var problems = typeof(TriageAssessment).Assembly.GetExportedTypes()
            .Where(t => TriageSerialization.IsTriageType(t) && !t.IsInterface && !t.IsEnum && !(t.IsAbstract && t.IsSealed) && !typeof(Delegate).IsAssignableFrom(t) && !typeof(Exception).IsAssignableFrom(t))
            .SelectMany(t =>
                t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
                    .Select(p => $"{t.Name}.{p.Name} has a setter")
                    .Concat(t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => Mutable(p.PropertyType)).Select(p => $"{t.Name}.{p.Name} is a {p.PropertyType.Name}"))
                    .Concat(t.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly || Mutable(f.FieldType)).Select(f => $"{t.Name}.{f.Name} is a writable or mutable field")))
            .ToList();

        Assert.Empty(problems);
    }
}
