using Retenza.Triage.Orders;
using static Retenza.UnitTests.Triage.Orders.Orders;

namespace Retenza.UnitTests.Triage.Orders;

public sealed class OrderContentComparerTests
{
    private static readonly OrderContentComparer Comparer = OrderContentComparer.Instance;

    [Fact]
    public void Equal_content_in_new_lists_is_the_same_order_whatever_its_stored_time()
    {
        var a = Domestic();
        var b = Domestic() with { UpdatedAt = At.AddDays(1), Total = 89.9000m };

        Assert.True(Comparer.Equals(a, b));
        Assert.Equal(Comparer.GetHashCode(a), Comparer.GetHashCode(b));
    }

    public static TheoryData<string, Func<OrderSnapshot, OrderSnapshot>> Changes => new()
    {
        { "email", o => o with { CustomerEmail = "bob@example.com" } },
        { "status", o => o with { Status = OrderStatus.Returned } },
        { "total", o => o with { Total = 89.91m } },
        { "currency", o => o with { Currency = "EUR" } },
        { "country", o => o with { Country = "CA" } },
        { "item qty", o => o with { Items = [o.Items[0] with { Qty = 3 }, o.Items[1]] } },
        { "item order", o => o with { Items = [o.Items[1], o.Items[0]] } },
        { "shipment status", o => o with { Shipments = [o.Shipments[0] with { Status = ShipmentStatus.Lost }] } },
        { "shipment skus", o => o with { Shipments = [o.Shipments[0] with { Skus = ["MUG-01"] }] } },
        { "shipment eta", o => o with { Shipments = [o.Shipments[0] with { Eta = At }] } },
        { "extra shipment", o => o with { Shipments = [o.Shipments[0], o.Shipments[0]] } },
        { "refund", o => o with { Refund = new Refund(RefundStatus.Requested, 10m, null) } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_field_the_platform_sends_makes_a_difference(string what, Func<OrderSnapshot, OrderSnapshot> change)
    {
        Assert.False(Comparer.Equals(Domestic(), change(Domestic())), what);
    }

    [Fact]
    public void Null_equals_only_null()
    {
        Assert.True(Comparer.Equals(null, null));
        Assert.False(Comparer.Equals(Domestic(), null));
        Assert.False(Comparer.Equals(null, Domestic()));
    }
}
