using Retenza.Orders;
using Retenza.Triage.Orders;

namespace Retenza.Api.Tenancy;

/// <summary>
/// Local mode seeds the demo tenant with a few orders, so the README's curl examples show triage
/// grounded in order data (a lost half of a split shipment, a parcel held at customs) at once.
/// </summary>
public sealed class DemoOrders(IGrainFactory grains, DemoTenant demo, TimeProvider time, ILogger<DemoOrders> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var order in Orders(now))
        {
            await OrderPush.PutAsync(grains, demo.Tenant, order);
        }

        logger.LogInformation("Demo tenant '{Tenant}' has orders {Orders}", demo.Tenant, string.Join(", ", Orders(now).Select(o => o.OrderId)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static IReadOnlyList<OrderSnapshot> Orders(DateTimeOffset now) =>
    [
        new("RT-10005", "sam@example.com", OrderStatus.Shipped, 45.00m, "USD", "US",
            [new("LAMP-2", "Desk lamp", 1, 45.00m)],
            [new("UPS", "1Z999AA10123456784", ShipmentStatus.InTransit, ["LAMP-2"], now.AddDays(2))],
            null, now),
        new("RT-10006", "sam@example.com", OrderStatus.Delivered, 89.00m, "USD", "US",
            [new("VASE-01", "Ceramic vase", 1, 89.00m)],
            [new("UPS", "1Z999AA10123456785", ShipmentStatus.Delivered, ["VASE-01"], null)],
            null, now),
        new("RT-10007", "sam@example.com", OrderStatus.PartiallyDelivered, 150.00m, "USD", "US",
            [new("MUG-SET", "Mug set", 1, 50.00m), new("PLATE-SET", "Plate set", 1, 100.00m)],
            [
                new("UPS", "1Z999AA10123456786", ShipmentStatus.Delivered, ["MUG-SET"], null),
                new("UPS", "1Z999AA10123456787", ShipmentStatus.Lost, ["PLATE-SET"], null),
            ],
            null, now),
        new("RT-10008", "lea@example.com", OrderStatus.Shipped, 180.00m, "EUR", "DE",
            [new("JACKET-M", "Rain jacket", 1, 180.00m)],
            [new("DHL", "JD014600006281230001", ShipmentStatus.HeldAtCustoms, ["JACKET-M"], null)],
            null, now),
    ];
}
