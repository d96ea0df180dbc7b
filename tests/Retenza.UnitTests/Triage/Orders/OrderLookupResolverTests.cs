using Retenza.Triage;
using Retenza.Triage.Orders;
using Retenza.Triage.Policy;
using static Retenza.UnitTests.Triage.Orders.Orders;

namespace Retenza.UnitTests.Triage.Orders;

public sealed class OrderLookupResolverTests
{
    private static readonly TriagePolicy Policy = TriagePolicy.Default;

    private readonly OrderLookupResolver _resolver = new(new OrderReferenceFinder());
    private readonly FakeOrders _orders = new(Domestic("RT-10006"), Domestic("RT-20002") with { Total = 2500m });

    [Fact]
    public async Task The_orderId_field_wins_over_references_in_the_text()
    {
        var lookup = await _resolver.ResolveAsync(" rt-20002 ", "About RT-10006", "RT-10006 broke", null, Policy, _orders);

        Assert.Equal("RT-20002", lookup.Reference);
        Assert.Equal("field", lookup.Source);
        Assert.Equal("RT-20002", lookup.Snapshot?.OrderId);
        Assert.True(lookup.Facts?.HighValue);
        Assert.Equal(["RT-20002"], _orders.Asked);
    }

    [Fact]
    public async Task Without_the_field_the_first_reference_in_subject_or_text_is_used()
    {
        var lookup = await _resolver.ResolveAsync(null, "Problem with my order", "It is rt-10006, not RT-20002.", null, Policy, _orders);

        Assert.Equal("RT-10006", lookup.Reference);
        Assert.Equal("text", lookup.Source);
        Assert.True(lookup.Found);
        Assert.NotNull(lookup.Facts);
        Assert.Empty(lookup.Facts.Anomalies);
        Assert.Null(lookup.Problem);
    }

    [Fact]
    public async Task A_referenced_order_the_platform_never_pushed_is_referenced_but_not_found()
    {
        var lookup = await _resolver.ResolveAsync(null, "", "Where is RT-99999?", null, Policy, _orders);

        Assert.True(lookup.Referenced);
        Assert.False(lookup.Found);
        Assert.Equal("RT-99999", lookup.Reference);
        Assert.Equal("text", lookup.Source);
        Assert.Null(lookup.Facts);
    }

    [Fact]
    public async Task No_field_and_no_reference_is_none_and_asks_the_source_nothing()
    {
        var lookup = await _resolver.ResolveAsync("  ", "Hello", "Do you ship to Canada?", null, Policy, _orders);

        Assert.Equal(OrderLookup.None, lookup);
        Assert.Empty(_orders.Asked);
    }

    [Fact]
    public async Task An_invalid_tenant_pattern_is_reported_in_the_lookup_and_triage_goes_on()
    {
        var lookup = await _resolver.ResolveAsync(null, "RT-10006", "RT-10006", null, Policy with { OrderReferencePattern = "RT-(" }, _orders);

        Assert.Equal("none", lookup.Source);
        Assert.False(lookup.Referenced);
        Assert.StartsWith("order reference pattern 'RT-(' is invalid", lookup.Problem);
    }

    [Fact]
    public async Task An_invalid_pattern_does_not_matter_when_the_field_names_the_order()
    {
        var lookup = await _resolver.ResolveAsync("RT-10006", "", "", null, Policy with { OrderReferencePattern = "RT-(" }, _orders);

        Assert.True(lookup.Found);
        Assert.Null(lookup.Problem);
    }

    [Fact]
    public async Task A_field_that_is_no_valid_order_id_is_not_looked_up_and_says_why()
    {
        var lookup = await _resolver.ResolveAsync("RT 10006", "", "", null, Policy, _orders);

        Assert.Equal("RT 10006", lookup.Reference);
        Assert.Equal("field", lookup.Source);
        Assert.False(lookup.Found);
        Assert.Equal("'RT 10006' is not a valid order id", lookup.Problem);
        Assert.Empty(_orders.Asked);
    }

    [Fact]
    public async Task The_sender_is_checked_against_the_orders_customer()
    {
        var lookup = await _resolver.ResolveAsync("RT-10006", "", "", "someone.else@example.com", Policy, _orders);

        Assert.Contains("sender is not the order's customer", lookup.Facts!.Anomalies);
    }

    [Fact]
    public async Task A_triage_request_supplies_field_text_sender_policy_and_source()
    {
        var request = new TriageRequest("acme", "m1", "ana@example.com", "Re: order", "My order ORD-77777 (tenant format)", null, At)
        {
            Policy = Policy with { OrderReferencePattern = @"ORD-\d{5}" },
            Orders = new FakeOrders(Domestic("ORD-77777")),
        };

        var lookup = await _resolver.ResolveAsync(request);

        Assert.Equal("ORD-77777", lookup.Snapshot?.OrderId);
        Assert.Empty(lookup.Facts!.Anomalies);
    }

    private sealed class FakeOrders(params OrderSnapshot[] orders) : IOrderSource
    {
        public List<string> Asked { get; } = [];

        public ValueTask<OrderSnapshot?> FindAsync(string orderId, CancellationToken cancellationToken = default)
        {
            Asked.Add(orderId);
            return ValueTask.FromResult(orders.FirstOrDefault(o => o.OrderId == orderId));
        }
    }
}
