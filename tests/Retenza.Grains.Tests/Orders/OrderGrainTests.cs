using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Serialization;
using Retenza.Grains.Orders;
using Retenza.Orders;
using Retenza.Triage.Orders;

namespace Retenza.Grains.Tests.Orders;

[Collection(ClusterCollection.Name)]
public sealed class OrderGrainTests(ClusterFixture fixture)
{
    private readonly string _tenant = Messages.NewTenant();

    private IOrderGrain Order(string orderId, string? tenant = null) =>
        fixture.Grains.GetGrain<IOrderGrain>(OrderIds.Key(tenant ?? _tenant, orderId));

    private int Writes(IOrderGrain grain) => fixture.Storage.Writes("order", grain.GetGrainId());

    [Fact]
    public async Task A_new_order_is_created_as_version_1_stamped_by_the_clock()
    {
        var grain = Order("RT-10006");

        var result = await grain.Put(TestOrders.Full());

        Assert.Equal(OrderPutOutcome.Created, result.Outcome);
        Assert.Equal(1, result.Version);
        Assert.Equal(ClusterFixture.Clock.GetUtcNow(), result.Order.UpdatedAt);
        Assert.Equal(1, Writes(grain));
        var stored = await grain.Get();
        Assert.NotNull(stored);
        Assert.True(OrderContentComparer.Instance.Equals(TestOrders.Full(), stored));
        Assert.Equal(result.Order.UpdatedAt, stored.UpdatedAt);
    }

    [Fact]
    public async Task The_same_order_pushed_again_is_unchanged_and_writes_nothing()
    {
        var grain = Order("RT-10006");
        var created = await grain.Put(TestOrders.Full());
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await grain.Put(TestOrders.Full() with { UpdatedAt = DateTimeOffset.UtcNow });

        Assert.Equal(OrderPutOutcome.Unchanged, again.Outcome);
        Assert.Equal(1, again.Version);
        Assert.Equal(created.Order.UpdatedAt, again.Order.UpdatedAt);
        Assert.Equal(1, Writes(grain));
    }

    [Fact]
    public async Task A_changed_order_is_updated_with_the_next_version_and_one_write()
    {
        var grain = Order("RT-10006");
        await grain.Put(TestOrders.Full());
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var changed = TestOrders.Full() with { Refund = new Refund(RefundStatus.Issued, 1450.00m, ClusterFixture.Clock.GetUtcNow()) };

        var result = await grain.Put(changed);

        Assert.Equal(OrderPutOutcome.Updated, result.Outcome);
        Assert.Equal(2, result.Version);
        Assert.Equal(ClusterFixture.Clock.GetUtcNow(), result.Order.UpdatedAt);
        Assert.Equal(RefundStatus.Issued, (await grain.Get())!.Refund!.Status);
        Assert.Equal(2, Writes(grain));
    }

    [Fact]
    public async Task Every_spelling_of_an_id_reaches_one_grain_which_stores_the_normalised_id()
    {
        await Order(" rt-10006").Put(TestOrders.Full("rt-10006"));

        var stored = await Order("#RT-10006").Get();

        Assert.Equal("RT-10006", stored?.OrderId);
    }

    [Fact]
    public async Task An_order_with_another_id_is_refused_and_nothing_is_stored()
    {
        var grain = Order("RT-10006");

        await Assert.ThrowsAsync<ArgumentException>(() => grain.Put(TestOrders.Full("RT-99999")));

        Assert.Null(await grain.Get());
        Assert.Equal(0, Writes(grain));
    }

    [Fact]
    public async Task An_order_never_pushed_is_null_and_reading_it_writes_nothing()
    {
        var grain = Order("RT-404");

        Assert.Null(await grain.Get());
        Assert.Equal(0, Writes(grain));
    }

    [Fact]
    public async Task An_all_digit_order_number_works_as_a_key()
    {
        var result = await Order("1001").Put(TestOrders.Full("1001"));

        Assert.Equal(OrderPutOutcome.Created, result.Outcome);
        Assert.Equal($"{_tenant}/ord-1001", Order("1001").GetPrimaryKeyString());
        Assert.Equal("1001", (await Order("#1001").Get())?.OrderId);
    }

    [Fact]
    public async Task The_same_order_id_in_two_tenants_is_two_orders()
    {
        var other = Messages.NewTenant();
        await Order("RT-10006").Put(TestOrders.Full());

        Assert.Null(await Order("RT-10006", other).Get());
        await Order("RT-10006", other).Put(TestOrders.Full() with { Total = 5m });
        Assert.Equal(1499.00m, (await Order("RT-10006").Get())!.Total);
    }

    [Fact]
    public async Task Every_field_survives_the_grain_call_both_ways()
    {
        var sent = TestOrders.Full();

        var result = await Order("RT-10006").Put(sent);

        AssertSameOrder(sent, result.Order);
    }

    [Fact]
    public async Task Every_field_survives_storage_and_reactivation()
    {
        var grain = Order("RT-10006");
        var put = await grain.Put(TestOrders.Full());

        // A fresh activation reads the order back from storage.
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var reloaded = await grain.Get();

        Assert.NotNull(reloaded);
        AssertSameOrder(TestOrders.Full(), reloaded);
        Assert.Equal(put.Order.UpdatedAt, reloaded.UpdatedAt);
        var again = await grain.Put(TestOrders.Full());
        Assert.Equal(OrderPutOutcome.Unchanged, again.Outcome);
        Assert.Equal(1, again.Version);
    }

    [Fact]
    public void Stored_state_names_enum_values_so_reordering_members_cannot_change_stored_data()
    {
        var serializer = fixture.SiloServices.GetRequiredService<Serializer>();

        var bytes = serializer.SerializeToArray(new OrderState { Order = TestOrders.Full(), Version = 3 });

        var payload = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"status\":\"partially_delivered\"", payload);
        Assert.Contains("\"status\":\"held_at_customs\"", payload);
        Assert.Contains("\"status\":\"requested\"", payload);
        var read = serializer.Deserialize<OrderState>(bytes)!;
        Assert.Equal(3, read.Version);
        AssertSameOrder(TestOrders.Full(), read.Order!);
    }

    [Fact]
    public async Task The_order_source_finds_a_tenants_orders_by_any_spelling()
    {
        await Order("RT-10006").Put(TestOrders.Full());
        var source = new GrainOrderSource(fixture.Grains, _tenant);

        Assert.Equal("RT-10006", (await source.FindAsync("rt-10006"))?.OrderId);
        Assert.Null(await source.FindAsync("RT-10007"));
        Assert.Null(await source.FindAsync("RT 10006"));
        Assert.Null(await new GrainOrderSource(fixture.Grains, Messages.NewTenant()).FindAsync("RT-10006"));
    }

    private static void AssertSameOrder(OrderSnapshot expected, OrderSnapshot actual)
    {
        Assert.True(OrderContentComparer.Instance.Equals(expected, actual), $"{expected} != {actual}");
        // The comparer sees instants; the platform's offsets and decimal scales must survive too.
        Assert.Equal(expected.Shipments[1].Eta!.Value.Offset, actual.Shipments[1].Eta!.Value.Offset);
        Assert.Equal("1499.00", actual.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.Items.Select(i => i.Name), actual.Items.Select(i => i.Name));
    }
}
