using Retenza.Messages;

namespace Retenza.Grains.Tests;

internal static class Messages
{
    public static InboundMessage Inbound(string? messageId = null, string email = "ana@example.com", string text = "My vase arrived broken.", string? orderId = "RT-10006") =>
        new(messageId ?? $"{Guid.NewGuid():N}@shop.example",
            new EmailAddress(email, "Ana"),
            ["support@shop.example"],
            "Broken vase",
            text,
            null,
            null,
            [],
            ClusterFixture.Clock.GetUtcNow(),
            orderId);

    /// <summary>Each test gets its own tenant so shared-cluster tests never see each other's grains.</summary>
    public static string NewTenant() => "t" + Guid.NewGuid().ToString("N")[..12];
}
