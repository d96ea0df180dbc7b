using System.Text.Json;
using Retenza.Grains.Orders;
using Retenza.Hosting;
using Retenza.Orders;
using Retenza.Triage;
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
}
