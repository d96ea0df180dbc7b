using System.Text;
using System.Text.Json.Nodes;
using Retenza.Api.FunctionalTests.Orders;

namespace Retenza.Api.FunctionalTests.Previews;

/// <summary>POST /v1/triage/preview: the full assessment, with a supplied or stored order, and nothing created.</summary>
[Collection(ApiCollection.Name)]
public sealed class TriagePreviewTests(RetenzaApiFactory factory)
{
    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);

    [Fact]
    public async Task A_supplied_order_grounds_the_assessment_and_nothing_is_stored()
    {
        var orderId = TestOrders.UniqueId();
        var message = TestMessages.Valid();
        message["subject"] = "Only half my order arrived";
        message["text"] = $"Only one of my two boxes for {orderId} arrived. The vase never came.";
        message["orderId"] = orderId;

        var response = await Preview(new JsonObject { ["message"] = message, ["order"] = TestOrders.Valid() });

        var result = await HttpAssert.JsonAsync(response, 200);
        Assert.Equal("escalate", result.GetProperty("route").GetString());
        var codes = result.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToArray();
        Assert.Contains("split_shipment_partial_loss", codes);
        Assert.Contains("high_value_order", codes);
        var order = result.GetProperty("assessment").GetProperty("order");
        Assert.True(order.GetProperty("found").GetBoolean());
        Assert.Equal("lost", order.GetProperty("snapshot").GetProperty("shipments")[0].GetProperty("status").GetString());
        Assert.StartsWith("intent-ngram-", result.GetProperty("modelVersion").GetString());

        await HttpAssert.ProblemAsync(await _acme.GetAsync(TestOrders.Path(orderId)), 404);
        await _acme.AssertNothingStoredAsync(TestTenants.Acme.Name, message.MessageId(), message.FromEmail());
    }

    [Fact]
    public async Task Without_a_supplied_order_the_stored_one_is_used()
    {
        var orderId = TestOrders.UniqueId();
        await HttpAssert.JsonAsync(await _acme.PutOrderAsync(orderId, TestOrders.Minimal()), 201);
        var message = TestMessages.Valid();
        message["text"] = $"Where is my order {orderId}?";
        message["orderId"] = orderId;

        var result = await HttpAssert.JsonAsync(await Preview(new JsonObject { ["message"] = message }), 200);

        Assert.True(result.GetProperty("assessment").GetProperty("order").GetProperty("found").GetBoolean());
    }

    [Fact]
    public async Task A_legal_threat_is_escalated_to_risk_in_a_preview_too()
    {
        var message = TestMessages.Valid();
        message.Remove("messageId");
        message["text"] = "If this isn't resolved by Friday my attorney will be in touch.";

        var result = await HttpAssert.JsonAsync(await Preview(new JsonObject { ["message"] = message }), 200);

        Assert.Equal("escalate", result.GetProperty("route").GetString());
        Assert.Equal("risk", result.GetProperty("queue").GetString());
        Assert.Contains("legal_threat", result.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task An_assumed_vip_with_a_complaint_goes_to_priority()
    {
        var message = TestMessages.Valid();
        message["subject"] = "Really disappointed";
        message["text"] = "I'm really disappointed, the jacket fell apart after one week. Terrible quality.";
        message.Remove("orderId");

        var result = await HttpAssert.JsonAsync(await Preview(new JsonObject
        {
            ["message"] = message,
            ["customer"] = new JsonObject { ["vip"] = true },
        }), 200);

        Assert.Contains("vip_negative", result.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal("priority", result.GetProperty("queue").GetString());
    }

    [Fact]
    public async Task Invalid_parts_are_named_with_their_path()
    {
        var message = TestMessages.Valid();
        ((JsonObject)message["from"]!)["email"] = "not-an-address";
        var order = TestOrders.Valid();
        order["currency"] = "euro";

        var problem = await HttpAssert.ProblemAsync(await Preview(new JsonObject { ["message"] = message }), 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("message.from.email", out _));

        var valid = TestMessages.Valid();
        problem = await HttpAssert.ProblemAsync(await Preview(new JsonObject { ["message"] = valid, ["order"] = order }), 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("order.currency", out _));

        var withoutOrderId = TestMessages.Valid();
        withoutOrderId.Remove("orderId");
        problem = await HttpAssert.ProblemAsync(await Preview(new JsonObject { ["message"] = withoutOrderId, ["order"] = TestOrders.Valid() }), 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("message.orderId", out _));
    }

    [Fact]
    public async Task Unknown_fields_and_a_missing_message_are_400()
    {
        var problem = await HttpAssert.ProblemAsync(await Preview(new JsonObject { ["message"] = TestMessages.Valid(), ["dryRun"] = true }), 400);
        Assert.Contains("dryRun", problem.GetProperty("detail").GetString());

        problem = await HttpAssert.ProblemAsync(await Preview(new JsonObject()), 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("message", out _));
    }

    [Fact]
    public async Task Preview_needs_a_key() =>
        await HttpAssert.ProblemAsync(await factory.ClientFor(null).PostAsync("/v1/triage/preview",
            new StringContent("{}", Encoding.UTF8, "application/json")), 401);

    private Task<HttpResponseMessage> Preview(JsonObject body) =>
        _acme.PostAsync("/v1/triage/preview", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
}
