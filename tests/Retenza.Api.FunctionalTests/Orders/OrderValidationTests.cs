using System.Text.Json.Nodes;

namespace Retenza.Api.FunctionalTests.Orders;

/// <summary>PUT /v1/orders with well-formed JSON that is not a valid order: 400 naming every bad field, nothing stored.</summary>
[Collection(ApiCollection.Name)]
public sealed class OrderValidationTests(RetenzaApiFactory factory)
{
    private const string Title = "The order is not valid";
    private const string OrderStatuses = "placed, paid, shipped, partially_delivered, delivered, cancelled, returned";
    private const string ShipmentStatuses = "label_created, in_transit, delivered, lost, held_at_customs, returned_to_sender";

    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);

    /// <summary>Each case breaks one thing in an otherwise valid order; the key names it in test output.</summary>
    private static readonly Dictionary<string, (string Field, string Error, Action<JsonObject> Break)> Cases = new()
    {
        ["customerEmail missing"] = ("customerEmail", "Required: the email address of the customer who placed the order.", o => o.Remove("customerEmail")),
        ["customerEmail bad"] = ("customerEmail", "'ana-at-shop.test' is not a valid email address.", o => o["customerEmail"] = "ana-at-shop.test"),
        ["customerEmail with display name"] = ("customerEmail", "'Ana <ana@shop.test>' is not a valid email address.", o => o["customerEmail"] = "Ana <ana@shop.test>"),
        ["status missing"] = ("status", $"Required: an order status, one of: {OrderStatuses}.", o => o.Remove("status")),
        ["status unknown"] = ("status", $"'lost' is not an order status; use one of: {OrderStatuses}.", o => o["status"] = "lost"),
        ["status in another case"] = ("status", $"'Delivered' is not an order status; use one of: {OrderStatuses}.", o => o["status"] = "Delivered"),
        ["status as a number"] = ("status", $"'3' is not an order status; use one of: {OrderStatuses}.", o => o["status"] = "3"),
        ["total missing"] = ("total", "Required: an amount, zero or more.", o => o.Remove("total")),
        ["total negative"] = ("total", "Must be zero or more, not -0.01.", o => o["total"] = -0.01m),
        ["currency missing"] = ("currency", "Required: a 3-letter ISO 4217 currency code such as USD.", o => o["currency"] = " "),
        ["currency 4 letters"] = ("currency", "'EURO' is not a 3-letter ISO 4217 currency code such as USD.", o => o["currency"] = "EURO"),
        ["currency with a digit"] = ("currency", "'EU1' is not a 3-letter ISO 4217 currency code such as USD.", o => o["currency"] = "EU1"),
        ["country missing"] = ("country", "Required: a 2-letter ISO 3166 country code such as US.", o => o.Remove("country")),
        ["country 3 letters"] = ("country", "'DEU' is not a 2-letter ISO 3166 country code such as US.", o => o["country"] = "DEU"),
        ["items missing"] = ("items", "Required: at least one line item.", o => { o.Remove("items"); o.Remove("shipments"); }),
        ["items empty"] = ("items", "Required: at least one line item.", o => { o["items"] = new JsonArray(); o.Remove("shipments"); }),
        ["items too many"] = ("items", "At most 500 line items.", o => o["items"] = Items(501)),
        ["item null"] = ("items[2]", "Must be an object: {sku, name, qty, price}.", o => ((JsonArray)o["items"]!).Add(null)),
        ["item sku missing"] = ("items[1].sku", "Required: the item's sku.", o => { o["items"]![1]!.AsObject().Remove("sku"); o.Remove("shipments"); }),
        ["item sku too long"] = ("items[1].sku", "Must be at most 100 characters with no control characters.", o => { o["items"]![1]!["sku"] = new string('S', 101); o.Remove("shipments"); }),
        ["item name missing"] = ("items[0].name", "Required: the item's name.", o => o["items"]![0]!["name"] = ""),
        ["item name too long"] = ("items[0].name", "Must be at most 500 characters.", o => o["items"]![0]!["name"] = new string('n', 501)),
        ["item qty missing"] = ("items[0].qty", "Required: the quantity ordered.", o => o["items"]![0]!.AsObject().Remove("qty")),
        ["item qty zero"] = ("items[0].qty", "Must be at least 1, not 0.", o => o["items"]![0]!["qty"] = 0),
        ["item qty negative"] = ("items[1].qty", "Must be at least 1, not -2.", o => o["items"]![1]!["qty"] = -2),
        ["item price missing"] = ("items[0].price", "Required: an amount, zero or more.", o => o["items"]![0]!["price"] = null),
        ["item price negative"] = ("items[1].price", "Must be zero or more, not -24.5.", o => o["items"]![1]!["price"] = -24.5m),
        ["shipments too many"] = ("shipments", "At most 100 shipments.", o => o["shipments"] = new JsonArray(Enumerable.Range(0, 101).Select(_ => (JsonNode?)Shipment("MUG-01")).ToArray())),
        ["shipment null"] = ("shipments[1]", "Must be an object: {carrier, tracking, status, skus, eta}.", o => o["shipments"]![1] = null),
        ["shipment carrier missing"] = ("shipments[0].carrier", "Required: the carrier's name.", o => o["shipments"]![0]!.AsObject().Remove("carrier")),
        ["shipment tracking missing"] = ("shipments[1].tracking", "Required: the tracking number.", o => o["shipments"]![1]!["tracking"] = " "),
        ["shipment tracking with a control character"] = ("shipments[1].tracking", "Must be at most 100 characters with no control characters.", o => o["shipments"]![1]!["tracking"] = "1Z\u0000"),
        ["shipment status missing"] = ("shipments[0].status", $"Required: a shipment status, one of: {ShipmentStatuses}.", o => o["shipments"]![0]!.AsObject().Remove("status")),
        ["shipment status unknown"] = ("shipments[0].status", $"'returned' is not a shipment status; use one of: {ShipmentStatuses}.", o => o["shipments"]![0]!["status"] = "returned"),
        ["shipment skus missing"] = ("shipments[0].skus", "Required: the skus of the items in this shipment.", o => o["shipments"]![0]!.AsObject().Remove("skus")),
        ["shipment skus empty"] = ("shipments[0].skus", "Required: the skus of the items in this shipment.", o => o["shipments"]![0]!["skus"] = new JsonArray()),
        ["shipment sku not in items"] = ("shipments[1].skus[1]", "'PLATE-01' is not the sku of any item of this order.", o => o["shipments"]![1]!["skus"] = new JsonArray("MUG-01", "PLATE-01")),
        ["shipment sku in another case"] = ("shipments[0].skus[0]", "'vase-01' is not the sku of any item of this order.", o => o["shipments"]![0]!["skus"] = new JsonArray("vase-01")),
        ["shipment sku null"] = ("shipments[0].skus[0]", "'' is not the sku of any item of this order.", o => o["shipments"]![0]!["skus"] = new JsonArray((JsonNode?)null)),
        ["refund status missing"] = ("refund.status", "Required: a refund status, one of: none, requested, issued.", o => o["refund"]!.AsObject().Remove("status")),
        ["refund status unknown"] = ("refund.status", "'pending' is not a refund status; use one of: none, requested, issued.", o => o["refund"]!["status"] = "pending"),
        ["refund amount missing"] = ("refund.amount", "Required: an amount, zero or more.", o => o["refund"]!.AsObject().Remove("amount")),
        ["refund amount negative"] = ("refund.amount", "Must be zero or more, not -1.", o => o["refund"]!["amount"] = -1),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Invalid_order_is_400_naming_the_field_and_stores_nothing(string caseName)
    {
        var (field, error, breakIt) = Cases[caseName];
        var id = TestOrders.UniqueId();
        var order = TestOrders.Valid();
        breakIt(order);

        var errors = await HttpAssert.ValidationProblemAsync(await _acme.PutOrderAsync(id, order), Title);

        Assert.Equal([field], errors.Keys);
        Assert.Equal([error], errors[field]);
        await _acme.AssertNoOrderAsync(id);
    }

    [Fact]
    public async Task Every_broken_field_is_named_in_one_answer()
    {
        var id = TestOrders.UniqueId();
        var order = TestOrders.Valid();
        order["customerEmail"] = "nope";
        order["status"] = "gone";
        order["total"] = -5;
        order["items"]![0]!["qty"] = 0;
        order["shipments"]![0]!["skus"] = new JsonArray("NOPE-01");
        order["refund"]!["amount"] = -1;

        var errors = await HttpAssert.ValidationProblemAsync(await _acme.PutOrderAsync(id, order), Title);

        Assert.Equal(["customerEmail", "status", "total", "items[0].qty", "shipments[0].skus[0]", "refund.amount"], errors.Keys);
        await _acme.AssertNoOrderAsync(id);
    }

    [Fact]
    public async Task Unknown_fields_anywhere_are_400_naming_all_of_them_in_document_order()
    {
        var id = TestOrders.UniqueId();
        var order = TestOrders.Valid();
        order["shipments"]![0]!["trackingUrl"] = "https://carrier.test/JD0001";
        order["gift"] = true;
        order["items"]![1]!["colour"] = "blue";
        order["refund"]!["reason"] = "broken";

        var response = await _acme.PutOrderAsync(id, order);

        var problem = await HttpAssert.ProblemAsync(response, 400);
        Assert.Equal(Title, problem.GetProperty("title").GetString());
        Assert.Equal("Unknown fields: items[1].colour, shipments[0].trackingUrl, refund.reason, gift.", problem.GetProperty("detail").GetString());
        var errors = problem.GetProperty("errors").PropertyNames();
        Assert.Equal(["items[1].colour", "shipments[0].trackingUrl", "refund.reason", "gift"], errors);
        await _acme.AssertNoOrderAsync(id);
    }

    [Fact]
    public async Task Unknown_fields_and_a_bad_order_id_are_named_together()
    {
        var order = TestOrders.Valid();
        order["gift"] = true;

        var errors = await HttpAssert.ValidationProblemAsync(await _acme.PutOrderAsync("RT 1", order), Title);

        Assert.Equal(["orderId", "gift"], errors.Keys);
        Assert.Equal(["Unknown field."], errors["gift"]);
    }

    [Fact]
    public async Task The_order_id_belongs_in_the_path_not_the_body()
    {
        var id = TestOrders.UniqueId();
        var order = TestOrders.Valid();
        order["orderId"] = id;

        var response = await _acme.PutOrderAsync(id, order);

        await HttpAssert.ProblemAsync(response, 400, Title, "Unknown fields: orderId.");
        await _acme.AssertNoOrderAsync(id);
    }

    [Theory]
    [InlineData("RT 10006")]                    // a space
    [InlineData("RT-10006?x")]                  // a query in disguise, escaped
    [InlineData("RT:10006")]
    [InlineData("RÉ-10006")]
    [InlineData("#")]
    public async Task An_order_id_with_other_characters_is_400_naming_it(string id)
    {
        var errors = await HttpAssert.ValidationProblemAsync(await _acme.PutOrderAsync(id, TestOrders.Valid()), Title);

        Assert.Equal(["orderId"], errors.Keys);
        Assert.Equal(["Must be 1 to 64 letters, digits, '-', '_' or '.' (a leading '#' is ignored)."], errors["orderId"]);
    }

    [Fact]
    public async Task An_order_id_over_64_characters_is_400_naming_it()
    {
        var id = new string('7', 65);

        var errors = await HttpAssert.ValidationProblemAsync(await _acme.PutOrderAsync(id, TestOrders.Valid()), Title);

        Assert.Equal(["orderId"], errors.Keys);
    }

    [Fact]
    public async Task A_rejected_update_leaves_the_stored_order_as_it_was()
    {
        var id = TestOrders.UniqueId();
        var stored = await HttpAssert.JsonAsync(await _acme.PutOrderAsync(id, TestOrders.Valid()), 201);
        var broken = TestOrders.Valid();
        broken["status"] = "delivered";
        broken["total"] = -1;

        await HttpAssert.ValidationProblemAsync(await _acme.PutOrderAsync(id, broken), Title);

        var read = await HttpAssert.JsonAsync(await _acme.GetOrderAsync(id), 200);
        Assert.True(System.Text.Json.JsonElement.DeepEquals(stored, read), $"{stored} != {read}");
    }

    /// <summary><paramref name="count"/> items, two of them the skus the valid order's shipments carry.</summary>
    private static JsonArray Items(int count) => new(Enumerable.Range(0, count - 2)
        .Select(i => (JsonNode?)new JsonObject { ["sku"] = $"SKU-{i}", ["name"] = "Thing", ["qty"] = 1, ["price"] = 1 })
        .Append(new JsonObject { ["sku"] = "VASE-01", ["name"] = "Glass vase", ["qty"] = 1, ["price"] = 1 })
        .Append(new JsonObject { ["sku"] = "MUG-01", ["name"] = "Mug", ["qty"] = 1, ["price"] = 1 })
        .ToArray());

    private static JsonObject Shipment(string sku) =>
        new() { ["carrier"] = "UPS", ["tracking"] = "1Z", ["status"] = "in_transit", ["skus"] = new JsonArray(sku) };
}
