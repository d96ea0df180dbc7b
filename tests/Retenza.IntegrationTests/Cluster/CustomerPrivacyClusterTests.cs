using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Retenza.IntegrationTests.Postgres;
using Retenza.Tenants;

namespace Retenza.IntegrationTests.Cluster;

/// <summary>
/// Issue 4 gaps on PostgreSQL: index pages and order links persist and are erased, and auto-send counts
/// a silo gathered reach the record when it stops gracefully.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CustomerPrivacyClusterTests(PostgresServer postgres)
{
    private const string Email = "private@example.com";

    /// <summary>One kept ticket and order, pages of one id: every further ticket or order is written to an index page.</summary>
    private static readonly Dictionary<string, string> TinyBounds = new()
    {
        ["Retenza__CustomerMemory__MaxContacts"] = "1",
        ["Retenza__CustomerMemory__MaxTickets"] = "1",
        ["Retenza__CustomerMemory__MaxOrders"] = "1",
        ["Retenza__CustomerMemory__IndexPageSize"] = "1",
    };

    private static HttpClient Client(ClusterApiFactory api, string key)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<long> IndexPagesAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM orleans_storage WHERE grain_type = 'customer-index' AND payload_binary IS NOT NULL");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> GrainTypesAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT string_agg(DISTINCT grain_type, ',') FROM orleans_storage WHERE payload_binary IS NOT NULL");
        return (await command.ExecuteScalarAsync())?.ToString() ?? "";
    }

    private static object Order(string email) => new
    {
        customerEmail = email,
        status = "shipped",
        total = 45.00m,
        currency = "USD",
        country = "US",
        items = new[] { new { sku = "LAMP-2", name = "Desk lamp", qty = 1, price = 45.00m } },
        shipments = new[] { new { carrier = "UPS", tracking = "1Z999AA10123456784", status = "in_transit", skus = new[] { "LAMP-2" } } },
    };

    private static async Task<string> SendAsync(HttpClient http, string messageId, string subject, string text, string? orderId = null)
    {
        var response = await http.PostAsJsonAsync("/v1/messages", new { messageId, from = new { email = Email, name = "Pat" }, subject, text, orderId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;
    }

    [Fact]
    public async Task Index_pages_and_order_links_persist_and_are_erased_and_a_graceful_stop_flushes_auto_send_counts()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var clusterId = "privacy-" + Guid.NewGuid().ToString("N")[..8];
        Dictionary<ApiKeyKind, string> keys;
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            keys = new Dictionary<ApiKeyKind, string>(await new TenantStore(dataSource).AddTenantAsync("acme"));
        }

        await using (var silo = SiloProcess.Start(connectionString, clusterId, TinyBounds))
        {
            await silo.WaitUntilActiveAsync(TimeSpan.FromSeconds(60));
            await using var api = new ClusterApiFactory(connectionString, clusterId);
            var http = Client(api, keys[ApiKeyKind.Platform]);
            Assert.Equal(HttpStatusCode.Created, (await http.PutAsJsonAsync("/v1/orders/RT-88001", Order(Email))).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await http.PutAsJsonAsync("/v1/orders/RT-88002", Order(Email))).StatusCode);

            Assert.Equal("auto_replied", await SendAsync(http, "<p-1@shop.example>", "Where is my lamp?", "Hi, where is my order RT-88001? Thanks", "RT-88001"));
            await SendAsync(http, "<p-2@shop.example>", "Gift cards", "Do you sell gift cards?");
            await SendAsync(http, "<p-3@shop.example>", "Opening hours", "When do you open on Sundays?");

            // Counted in the silo's memory only: the graceful stop is what hands them to the record.
            await silo.StopAsync();
        }

        Assert.True(await IndexPagesAsync(connectionString) >= 3, "two tickets and one order beyond the kept ones; stored: " + await GrainTypesAsync(connectionString));
        await using var restarted = SiloProcess.Start(connectionString, clusterId, TinyBounds);
        await restarted.WaitUntilActiveAsync(TimeSpan.FromSeconds(60));
        await using var newApi = new ClusterApiFactory(connectionString, clusterId);
        var client = Client(newApi, keys[ApiKeyKind.Platform]);
        var admin = Client(newApi, keys[ApiKeyKind.Admin]);

        var record = await admin.GetFromJsonAsync<JsonElement>("/v1/analytics/auto-send");
        Assert.Equal(1, record.GetProperty("intents").EnumerateArray().Sum(i => i.GetProperty("autoSent").GetInt64()));

        var id = (await client.GetFromJsonAsync<JsonElement>($"/v1/customers/by-email/{Email}")).GetProperty("id").GetString();
        var export = await client.GetFromJsonAsync<JsonElement>($"/v1/customers/{id}/export");
        Assert.Equal(3, export.GetProperty("tickets").GetArrayLength());
        Assert.Equal(["RT-88001", "RT-88002"], export.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()).Order());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/customers/{id}")).StatusCode);

        Assert.Equal(0, await IndexPagesAsync(connectionString));
        foreach (var ticket in export.GetProperty("tickets").EnumerateArray())
        {
            var erased = await client.GetStringAsync($"/v1/tickets/{ticket.GetProperty("id").GetString()}");
            Assert.DoesNotContain(Email, erased, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var orderId in new[] { "RT-88001", "RT-88002" })
        {
            var order = await client.GetFromJsonAsync<JsonElement>($"/v1/orders/{orderId}");
            Assert.Equal("[erased]", order.GetProperty("customerEmail").GetString());
            Assert.Equal(45.00m, order.GetProperty("total").GetDecimal());
        }

        var after = await client.GetFromJsonAsync<JsonElement>($"/v1/customers/{id}/export");
        Assert.Empty(after.GetProperty("tickets").EnumerateArray());
        Assert.Empty(after.GetProperty("orders").EnumerateArray());
    }
}
