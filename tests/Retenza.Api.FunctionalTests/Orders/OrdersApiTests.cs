using System.Text.Json;
using System.Text.Json.Nodes;

namespace Retenza.Api.FunctionalTests.Orders;

/// <summary>PUT and GET /v1/orders/{orderId}: the platform pushes snapshots, triage and agents read them.</summary>
[Collection(ApiCollection.Name)]
public sealed class OrdersApiTests(RetenzaApiFactory factory)
{
    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);

    [Fact]
    public async Task A_new_order_is_201_with_location_and_the_stored_order()
    {
        var id = TestOrders.UniqueId();
        var before = DateTimeOffset.UtcNow;

        var response = await _acme.PutOrderAsync(id, TestOrders.Valid());

        var order = await HttpAssert.JsonAsync(response, 201);
        Assert.Equal(TestOrders.Path(id), response.Headers.Location?.OriginalString);
        Assert.Equal(
            ["orderId", "customerEmail", "status", "total", "currency", "country", "items", "shipments", "refund", "updatedAt"],
            order.PropertyNames());
        Assert.Equal(id, order.GetProperty("orderId").GetString());
        Assert.Equal("ana@shop.test", order.GetProperty("customerEmail").GetString());
        Assert.Equal("partially_delivered", order.GetProperty("status").GetString());
        Assert.Equal("1499.00", order.GetProperty("total").GetRawText());
        Assert.Equal("EUR", order.GetProperty("currency").GetString());
        Assert.Equal("DE", order.GetProperty("country").GetString());
        var items = order.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["VASE-01", "MUG-01"], items.Select(i => i.GetProperty("sku").GetString()));
        Assert.Equal(["Glass vase", "Stoneware mug"], items.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal([1, 2], items.Select(i => i.GetProperty("qty").GetInt32()));
        Assert.Equal([1450.00m, 24.50m], items.Select(i => i.GetProperty("price").GetDecimal()));
        var shipments = order.GetProperty("shipments").EnumerateArray().ToArray();
        Assert.Equal(["lost", "delivered"], shipments.Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(["DHL", "UPS"], shipments.Select(s => s.GetProperty("carrier").GetString()));
        Assert.Equal(["JD0001", "1Z0002"], shipments.Select(s => s.GetProperty("tracking").GetString()));
        Assert.Equal(["MUG-01"], shipments[1].GetProperty("skus").Strings());
        Assert.Equal(JsonValueKind.Null, shipments[0].GetProperty("eta").ValueKind);
        Assert.Equal("2026-12-01T10:00:00+01:00", shipments[1].GetProperty("eta").GetString());
        var refund = order.GetProperty("refund");
        Assert.Equal("requested", refund.GetProperty("status").GetString());
        Assert.Equal(1450m, refund.GetProperty("amount").GetDecimal());
        Assert.Equal(JsonValueKind.Null, refund.GetProperty("issuedAt").ValueKind);
        Assert.InRange(order.GetProperty("updatedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow);

        var read = await HttpAssert.JsonAsync(await _acme.GetAsync(response.Headers.Location), 200);
        Assert.True(JsonElement.DeepEquals(order, read), $"{order} != {read}");
    }

    [Fact]
    public async Task The_same_order_again_is_200_with_the_order_as_first_stored()
    {
        var id = TestOrders.UniqueId();
        var created = await HttpAssert.JsonAsync(await _acme.PutOrderAsync(id, TestOrders.Valid()), 201);

        var response = await _acme.PutOrderAsync(id, TestOrders.Valid());

        var again = await HttpAssert.JsonAsync(response, 200);
        Assert.Null(response.Headers.Location);
        Assert.True(JsonElement.DeepEquals(created, again), $"{created} != {again}");
    }

    [Fact]
    public async Task A_changed_order_is_200_with_the_new_content()
    {
        var id = TestOrders.UniqueId();
        var created = await HttpAssert.JsonAsync(await _acme.PutOrderAsync(id, TestOrders.Valid()), 201);
        var changed = TestOrders.Valid();
        changed["refund"] = new JsonObject { ["status"] = "issued", ["amount"] = 1450.00m, ["issuedAt"] = "2026-11-26T08:00:00+00:00" };

        var updated = await HttpAssert.JsonAsync(await _acme.PutOrderAsync(id, changed), 200);

        Assert.Equal("issued", updated.GetProperty("refund").GetProperty("status").GetString());
        Assert.Equal("2026-11-26T08:00:00+00:00", updated.GetProperty("refund").GetProperty("issuedAt").GetString());
        Assert.True(updated.GetProperty("updatedAt").GetDateTimeOffset() >= created.GetProperty("updatedAt").GetDateTimeOffset());
        var read = await HttpAssert.JsonAsync(await _acme.GetOrderAsync(id), 200);
        Assert.True(JsonElement.DeepEquals(updated, read), $"{updated} != {read}");
    }

    [Fact]
    public async Task A_minimal_order_has_no_shipments_and_a_null_refund()
    {
        var id = TestOrders.UniqueId();

        var order = await HttpAssert.JsonAsync(await _acme.PutOrderAsync(id, TestOrders.Minimal()), 201);

        Assert.Empty(order.GetProperty("shipments").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("refund").ValueKind);
        Assert.Equal(0m, order.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Codes_and_email_are_normalised()
    {
        var id = TestOrders.UniqueId();
        var body = TestOrders.Minimal();
        body["customerEmail"] = " Bob@Shop.TEST ";
        body["currency"] = "usd";
        body["country"] = " us ";

        var order = await HttpAssert.JsonAsync(await _acme.PutOrderAsync(id, body), 201);

        Assert.Equal("bob@shop.test", order.GetProperty("customerEmail").GetString());
        Assert.Equal("USD", order.GetProperty("currency").GetString());
        Assert.Equal("US", order.GetProperty("country").GetString());
    }

    [Fact]
    public async Task Order_ids_ignore_case_padding_and_a_leading_hash()
    {
        var id = TestOrders.UniqueId();
        var response = await _acme.PutOrderAsync(id.ToLowerInvariant(), TestOrders.Minimal());

        var created = await HttpAssert.JsonAsync(response, 201);
        Assert.Equal(id, created.GetProperty("orderId").GetString());
        Assert.Equal(TestOrders.Path(id), response.Headers.Location?.OriginalString);

        await HttpAssert.JsonAsync(await _acme.GetOrderAsync("#" + id), 200);
        await HttpAssert.JsonAsync(await _acme.PutOrderAsync($"#{id.ToLowerInvariant()}", TestOrders.Minimal()), 200);
    }

    [Fact]
    public async Task An_all_digit_order_number_is_an_order_id()
    {
        var id = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await HttpAssert.JsonAsync(await _acme.PutOrderAsync(id, TestOrders.Minimal()), 201);

        var order = await HttpAssert.JsonAsync(await _acme.GetOrderAsync(id), 200);
        Assert.Equal(id, order.GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task Field_names_match_without_case_like_every_other_body()
    {
        var id = TestOrders.UniqueId();
        var body = JsonNode.Parse(TestOrders.Minimal().ToJsonString().Replace("\"customerEmail\"", "\"CustomerEmail\""))!;

        await HttpAssert.JsonAsync(await _acme.PutOrderAsync(id, body), 201);
    }

    [Theory]
    [InlineData("RT-00000000000000")]                    // well-formed, never pushed
    [InlineData("RT 1")]                                 // a space
    [InlineData("RT/1")]                                 // escaped: must not reach another grain key
    [InlineData("RÉ-1")]
    [InlineData("#")]
    public async Task Unknown_or_ill_formed_order_id_is_404(string id)
    {
        await _acme.AssertNoOrderAsync(id);
    }

    [Fact]
    public async Task A_65_character_id_is_404_and_a_64_character_one_can_exist()
    {
        var id = TestOrders.UniqueId().PadRight(64, '9');

        await HttpAssert.JsonAsync(await _acme.PutOrderAsync(id, TestOrders.Minimal()), 201);

        await HttpAssert.JsonAsync(await _acme.GetOrderAsync(id), 200);
        await _acme.AssertNoOrderAsync(id + "9");
    }
}
