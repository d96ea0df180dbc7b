using System.Text.Json.Nodes;

namespace Retenza.Api.FunctionalTests;

/// <summary>Inbound messages with fresh ids and senders, so tests sharing one silo never see each other's data.</summary>
public static class TestMessages
{
    public const string ReceivedAt = "2025-03-04T05:06:07+00:00";

    public static string UniqueId(string label = "msg") => $"{label}-{Guid.NewGuid():N}@mail.test";

    public static string UniqueEmail(string label = "customer") => $"{label}-{Guid.NewGuid():N}@shop.test";

    /// <summary>A complete, valid message body; tests mutate the returned node to make it what they need.</summary>
    public static JsonObject Valid(string? messageId = null, string? fromEmail = null) => new()
    {
        ["messageId"] = messageId ?? UniqueId(),
        ["from"] = new JsonObject { ["email"] = fromEmail ?? UniqueEmail(), ["name"] = "Ada Lovelace" },
        ["to"] = new JsonArray("support@acme.test"),
        ["subject"] = "Where is my order?",
        ["text"] = "Hello, order RT-10001 has not arrived yet.",
        ["receivedAt"] = ReceivedAt,
        ["orderId"] = "RT-10001",
    };

    public static string MessageId(this JsonObject message) => (string)message["messageId"]!;

    public static string FromEmail(this JsonObject message) => (string)message["from"]!["email"]!;
}
