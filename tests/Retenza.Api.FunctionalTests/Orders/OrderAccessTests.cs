namespace Retenza.Api.FunctionalTests.Orders;

/// <summary>Who may push and read orders, and that one tenant never sees another's.</summary>
[Collection(ApiCollection.Name)]
public sealed class OrderAccessTests(RetenzaApiFactory factory)
{
    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);

    [Theory]
    [InlineData(null, "Send the tenant API key as 'Authorization: Bearer <key>'.")]
    [InlineData("not-a-real-key", "Unknown API key.")]
    public async Task Without_a_valid_key_put_is_401_and_stores_nothing(string? key, string detail)
    {
        var id = TestOrders.UniqueId();

        var response = await factory.ClientFor(key).PutOrderAsync(id, TestOrders.Valid());

        await HttpAssert.ProblemAsync(response, 401, "Authentication required", detail);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        await _acme.AssertNoOrderAsync(id);
    }

    [Theory]
    [InlineData(null, "Send the tenant API key as 'Authorization: Bearer <key>'.")]
    [InlineData("not-a-real-key", "Unknown API key.")]
    public async Task Without_a_valid_key_get_is_401_even_for_an_existing_order(string? key, string detail)
    {
        var id = TestOrders.UniqueId();
        await HttpAssert.JsonAsync(await _acme.PutOrderAsync(id, TestOrders.Valid()), 201);

        var response = await factory.ClientFor(key).GetOrderAsync(id);

        await HttpAssert.ProblemAsync(response, 401, "Authentication required", detail);
    }

    [Fact]
    public async Task Authentication_comes_before_body_checks()
    {
        var response = await factory.ClientFor(null).PutOrderRawAsync(TestOrders.UniqueId(), "{not json", "text/plain");

        await HttpAssert.ProblemAsync(response, 401);
    }

    [Fact]
    public async Task The_admin_key_may_push_and_read_orders_like_the_platform_key()
    {
        var admin = factory.ClientFor(TestTenants.Acme.AdminKey);
        var id = TestOrders.UniqueId();

        await HttpAssert.JsonAsync(await admin.PutOrderAsync(id, TestOrders.Valid()), 201);

        await HttpAssert.JsonAsync(await _acme.GetOrderAsync(id), 200);
        await HttpAssert.JsonAsync(await admin.GetOrderAsync(id), 200);
    }

    [Theory]
    [InlineData("globex-platform-key")]
    [InlineData("globex-admin-key")]
    public async Task Another_tenants_order_is_404_whatever_its_key(string globexKey)
    {
        var id = TestOrders.UniqueId();
        await HttpAssert.JsonAsync(await _acme.PutOrderAsync(id, TestOrders.Valid()), 201);

        await factory.ClientFor(globexKey).AssertNoOrderAsync(id);
    }

    [Fact]
    public async Task The_same_order_id_in_two_tenants_is_two_independent_orders()
    {
        var globex = factory.ClientFor(TestTenants.Globex.PlatformKey);
        var id = TestOrders.UniqueId();
        await HttpAssert.JsonAsync(await _acme.PutOrderAsync(id, TestOrders.Valid()), 201);

        // Globex's first push of the same id creates its own order rather than updating acme's.
        await HttpAssert.JsonAsync(await globex.PutOrderAsync(id, TestOrders.Minimal()), 201);

        var acmeOrder = await HttpAssert.JsonAsync(await _acme.GetOrderAsync(id), 200);
        var globexOrder = await HttpAssert.JsonAsync(await globex.GetOrderAsync(id), 200);
        Assert.Equal("ana@shop.test", acmeOrder.GetProperty("customerEmail").GetString());
        Assert.Equal("bob@shop.test", globexOrder.GetProperty("customerEmail").GetString());
    }
}
