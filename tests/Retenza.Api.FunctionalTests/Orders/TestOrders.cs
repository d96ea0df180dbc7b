using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Retenza.Api.FunctionalTests.Orders;

/// <summary>Order bodies with fresh ids, so tests sharing one silo never see each other's orders.</summary>
public static class TestOrders
{
    public static string UniqueId() => $"RT-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    /// <summary>A complete, valid order body; tests mutate the returned node to make it what they need.</summary>
    public static JsonObject Valid() => new()
    {
        ["customerEmail"] = "ana@shop.test",
        ["status"] = "partially_delivered",
        ["total"] = 1499.00m,
        ["currency"] = "EUR",
        ["country"] = "DE",
        ["items"] = new JsonArray(
            new JsonObject { ["sku"] = "VASE-01", ["name"] = "Glass vase", ["qty"] = 1, ["price"] = 1450.00m },
            new JsonObject { ["sku"] = "MUG-01", ["name"] = "Stoneware mug", ["qty"] = 2, ["price"] = 24.50m }),
        ["shipments"] = new JsonArray(
            new JsonObject { ["carrier"] = "DHL", ["tracking"] = "JD0001", ["status"] = "lost", ["skus"] = new JsonArray("VASE-01") },
            new JsonObject
            {
                ["carrier"] = "UPS", ["tracking"] = "1Z0002", ["status"] = "delivered", ["skus"] = new JsonArray("MUG-01"),
                ["eta"] = "2026-12-01T10:00:00+01:00",
            }),
        ["refund"] = new JsonObject { ["status"] = "requested", ["amount"] = 1450.00m, ["issuedAt"] = null },
    };

    /// <summary>The least an order needs: no shipments, no refund.</summary>
    public static JsonObject Minimal() => new()
    {
        ["customerEmail"] = "bob@shop.test",
        ["status"] = "placed",
        ["total"] = 0,
        ["currency"] = "USD",
        ["country"] = "US",
        ["items"] = new JsonArray(new JsonObject { ["sku"] = "GIFT-CARD", ["name"] = "Gift card", ["qty"] = 1, ["price"] = 0 }),
    };

    public static string Path(string orderId) => $"/v1/orders/{Uri.EscapeDataString(orderId)}";

    public static Task<HttpResponseMessage> PutOrderAsync(this HttpClient client, string orderId, JsonNode? body) =>
        client.PutOrderRawAsync(orderId, body?.ToJsonString() ?? "null", "application/json");

    /// <summary>Puts exactly these bytes with exactly this content type (none when null).</summary>
    public static Task<HttpResponseMessage> PutOrderRawAsync(this HttpClient client, string orderId, string body, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return client.PutAsync(Path(orderId), content);
    }

    public static Task<HttpResponseMessage> GetOrderAsync(this HttpClient client, string orderId) => client.GetAsync(Path(orderId));

    /// <summary>A rejected push left no order behind.</summary>
    public static async Task AssertNoOrderAsync(this HttpClient client, string orderId) =>
        await HttpAssert.ProblemAsync(await client.GetOrderAsync(orderId), 404, "Not found", "No order with that id exists for this tenant.");
}
