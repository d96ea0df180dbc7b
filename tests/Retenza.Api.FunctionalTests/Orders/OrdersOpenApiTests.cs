using System.Text.Json;

namespace Retenza.Api.FunctionalTests.Orders;

/// <summary>The OpenAPI document describes the orders endpoints, the body's shape and its allowed values.</summary>
[Collection(ApiCollection.Name)]
public sealed class OrdersOpenApiTests(RetenzaApiFactory factory)
{
    [Fact]
    public async Task Put_and_get_are_documented_with_their_answers()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        var orders = paths.GetProperty("/v1/orders/{orderId}");
        Assert.Equal(["get", "put"], orders.PropertyNames().Order());
        Assert.Equal(["200", "201", "400", "413", "415"], orders.GetProperty("put").GetProperty("responses").PropertyNames().Order());
        Assert.Equal(["200", "404"], orders.GetProperty("get").GetProperty("responses").PropertyNames().Order());
    }

    [Fact]
    public async Task The_request_body_lists_every_field_and_the_allowed_status_values()
    {
        var document = await DocumentAsync();
        var body = Resolve(document, document.GetProperty("paths").GetProperty("/v1/orders/{orderId}").GetProperty("put")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

        var properties = body.GetProperty("properties");
        Assert.Equal(["customerEmail", "status", "total", "currency", "country", "items", "shipments", "refund"], properties.PropertyNames());
        Assert.Equal(["placed", "paid", "shipped", "partially_delivered", "delivered", "cancelled", "returned"],
            properties.GetProperty("status").GetProperty("enum").Strings());
        var item = Resolve(document, properties.GetProperty("items").GetProperty("items"));
        Assert.Equal(["sku", "name", "qty", "price"], item.GetProperty("properties").PropertyNames());
        var shipment = Resolve(document, properties.GetProperty("shipments").GetProperty("items"));
        Assert.Equal(["carrier", "tracking", "status", "skus", "eta"], shipment.GetProperty("properties").PropertyNames());
        Assert.Equal(["label_created", "in_transit", "delivered", "lost", "held_at_customs", "returned_to_sender"],
            shipment.GetProperty("properties").GetProperty("status").GetProperty("enum").Strings());
        var refund = Resolve(document, properties.GetProperty("refund"));
        Assert.Equal(["none", "requested", "issued"], refund.GetProperty("properties").GetProperty("status").GetProperty("enum").Strings());
    }

    [Fact]
    public async Task The_stored_order_is_a_named_schema_with_its_enums()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        Assert.Equal(
            ["orderId", "customerEmail", "status", "total", "currency", "country", "items", "shipments", "refund", "updatedAt"],
            schemas.GetProperty("OrderSnapshot").GetProperty("properties").PropertyNames());
        Assert.Contains("held_at_customs", schemas.GetProperty("ShipmentStatus").GetProperty("enum").Strings());
        Assert.Contains("partially_delivered", schemas.GetProperty("OrderStatus").GetProperty("enum").Strings());
    }

    private async Task<JsonElement> DocumentAsync() =>
        await HttpAssert.JsonAsync(await factory.ClientFor(null).GetAsync("/openapi/v1.json"), 200);

    /// <summary>A schema, following a $ref into components and past a nullable oneOf.</summary>
    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return Resolve(document, document.GetProperty("components").GetProperty("schemas").GetProperty(name));
        }

        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
        {
            return Resolve(document, oneOf.EnumerateArray().First(s => !(s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")));
        }

        return schema;
    }
}
