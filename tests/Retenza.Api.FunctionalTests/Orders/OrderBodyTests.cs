using System.Net.Http.Headers;
using System.Text;

namespace Retenza.Api.FunctionalTests.Orders;

/// <summary>PUT /v1/orders bodies that are not JSON objects, values of the wrong JSON type, wrong media types, oversize.</summary>
[Collection(ApiCollection.Name)]
public sealed class OrderBodyTests(RetenzaApiFactory factory)
{
    private const int DefaultLimit = 262144;

    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);

    [Theory]
    [InlineData("[]", "The body is not a valid JSON object.")]
    [InlineData("\"an order\"", "The body is not a valid JSON object.")]
    [InlineData("{\"total\": \"a lot\"}", "Invalid value at 'total'.")]
    [InlineData("{\"items\": {\"sku\": \"A\"}}", "Invalid value at 'items'.")]
    [InlineData("{\"items\": [{\"qty\": 1.5}]}", "Invalid value at 'items[0].qty'.")]
    [InlineData("{\"shipments\": [{\"eta\": \"next week\"}]}", "Invalid value at 'shipments[0].eta'.")]
    [InlineData("{\"status\": 3}", "Invalid value at 'status'.")]
    [InlineData("null", "The request body must be a JSON object, not null.")]
    public async Task Json_that_is_not_an_order_object_is_400_malformed_json_naming_where(string body, string detail)
    {
        var id = TestOrders.UniqueId();

        var response = await _acme.PutOrderRawAsync(id, body, "application/json");

        var problem = await HttpAssert.ProblemAsync(response, 400, "Malformed JSON", detail);
        Assert.DoesNotContain("Retenza", problem.ToString());
        await _acme.AssertNoOrderAsync(id);
    }

    [Theory]
    [InlineData("{not json}")]
    [InlineData("{\"status\": ")]
    public async Task Broken_json_is_400_malformed_json(string body)
    {
        var id = TestOrders.UniqueId();

        var problem = await HttpAssert.ProblemAsync(await _acme.PutOrderRawAsync(id, body, "application/json"), 400);

        Assert.Equal("Malformed JSON", problem.GetProperty("title").GetString());
        await _acme.AssertNoOrderAsync(id);
    }

    [Fact]
    public async Task Empty_body_is_400()
    {
        var response = await _acme.PutOrderRawAsync(TestOrders.UniqueId(), "", "application/json");

        await HttpAssert.ProblemAsync(response, 400, "Empty body", "The request body must be a JSON object.");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task Non_json_content_type_is_415_and_stores_nothing(string? contentType)
    {
        var id = TestOrders.UniqueId();

        var response = await _acme.PutOrderRawAsync(id, TestOrders.Valid().ToJsonString(), contentType);

        await HttpAssert.ProblemAsync(response, 415, "Unsupported media type", "Send the message as 'Content-Type: application/json'.");
        await _acme.AssertNoOrderAsync(id);
    }

    [Fact]
    public async Task Json_with_a_charset_is_accepted()
    {
        var response = await _acme.PutOrderRawAsync(TestOrders.UniqueId(), TestOrders.Valid().ToJsonString(), "application/json; charset=utf-8");

        await HttpAssert.JsonAsync(response, 201);
    }

    [Fact]
    public async Task Body_over_the_limit_is_413_and_stores_nothing()
    {
        var id = TestOrders.UniqueId();
        var order = TestOrders.Valid();
        order["items"]![0]!["name"] = new string('n', DefaultLimit);

        var response = await _acme.PutOrderAsync(id, order);

        await HttpAssert.ProblemAsync(response, 413, "Message too large", $"The body exceeds the limit of {DefaultLimit} bytes.");
        await _acme.AssertNoOrderAsync(id);
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_413()
    {
        var order = TestOrders.Valid();
        order["items"]![0]!["name"] = new string('n', DefaultLimit);
        var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(order.ToJsonString())));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _acme.PutAsync(TestOrders.Path(TestOrders.UniqueId()), content);

        Assert.Null(content.Headers.ContentLength);
        await HttpAssert.ProblemAsync(response, 413);
    }
}
