using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Retenza.Api.FunctionalTests.Orders;
using Retenza.Grains.Analytics;

namespace Retenza.Api.FunctionalTests;

/// <summary>Issue 4: GET /v1/analytics/auto-send, the per-intent record of auto-sent replies and the ones that failed.</summary>
[Collection(ApiCollection.Name)]
public sealed class AnalyticsApiTests(RetenzaApiFactory factory)
{
    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);
    private readonly HttpClient _acmeAdmin = factory.ClientFor(TestTenants.Acme.AdminKey);
    private readonly HttpClient _globexAdmin = factory.ClientFor(TestTenants.Globex.AdminKey);

    /// <summary>The co-hosted silo's tally: flushed here instead of waiting for its 5 s timer.</summary>
    private Task FlushAsync() => factory.Services.GetRequiredService<AutoSendTally>().FlushAsync();

    private static async Task<Dictionary<string, (long AutoSent, long Failed, double? Rate)>> RecordAsync(HttpClient admin)
    {
        var report = await HttpAssert.JsonAsync(await admin.GetAsync("/v1/analytics/auto-send"), 200);
        Assert.Equal(5, report.GetProperty("flushSeconds").GetInt32());
        return report.GetProperty("intents").EnumerateArray().ToDictionary(
            i => i.GetProperty("intent").GetString()!,
            i => (i.GetProperty("autoSent").GetInt64(), i.GetProperty("failed").GetInt64(),
                i.GetProperty("failureRate").ValueKind == JsonValueKind.Null ? (double?)null : i.GetProperty("failureRate").GetDouble()));
    }

    /// <summary>An order in transit and a plain "where is it" question: what the default policy answers on its own.</summary>
    private async Task<(JsonObject Message, JsonElement Ticket)> AutoRepliedAsync()
    {
        var orderId = $"RT-{Random.Shared.Next(100000, 999999)}";
        var email = TestMessages.UniqueEmail();
        var order = TestOrders.Minimal();
        order["customerEmail"] = email;
        order["status"] = "shipped";
        order["total"] = 45.00m;
        order["items"] = new JsonArray(new JsonObject { ["sku"] = "LAMP-2", ["name"] = "Desk lamp", ["qty"] = 1, ["price"] = 45.00m });
        order["shipments"] = new JsonArray(new JsonObject
        {
            ["carrier"] = "UPS", ["tracking"] = "1Z999AA10123456784", ["status"] = "in_transit", ["skus"] = new JsonArray("LAMP-2"),
        });
        await HttpAssert.JsonAsync(await _acme.PutOrderAsync(orderId, order), 201);
        var message = TestMessages.Valid(fromEmail: email);
        message["subject"] = "Where is my lamp?";
        message["text"] = $"Hi, where is my order {orderId}? Thanks";
        message["orderId"] = orderId;
        var opened = await HttpAssert.JsonAsync(await _acme.PostMessageAsync(message), 201);
        Assert.Equal("auto_replied", opened.GetProperty("status").GetString());
        var ticket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(opened.GetProperty("ticketId").GetString()!), 200);
        return (message, ticket);
    }

    [Fact]
    public async Task An_unhappy_answer_to_an_auto_reply_counts_against_its_intent_and_only_in_its_tenant()
    {
        await FlushAsync();
        var before = await RecordAsync(_acmeAdmin);
        var globexBefore = await RecordAsync(_globexAdmin);
        var (message, ticket) = await AutoRepliedAsync();
        var intent = ticket.GetProperty("assessment").GetProperty("details").GetProperty("intent").GetProperty("name").GetString()!;
        var outbound = ticket.GetProperty("messages").EnumerateArray().Last().GetProperty("messageId").GetString()!;

        var answer = TestMessages.Valid(fromEmail: message.FromEmail());
        answer.Remove("orderId");
        answer["subject"] = "Re: Where is my lamp?";
        answer["inReplyTo"] = $"<{outbound}>";
        answer["text"] = "This is useless and I am really annoyed. I want to talk to a real person.";
        var reply = await HttpAssert.JsonAsync(await _acme.PostMessageAsync(answer), 200);
        var reopened = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(reply.GetProperty("ticketId").GetString()!), 200);
        var codes = reopened.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToArray();
        Assert.True(codes.Contains("auto_reply_failed") || codes.Contains("human_requested"), string.Join(",", codes));
        await FlushAsync();

        var after = await RecordAsync(_acmeAdmin);
        var (sentBefore, failedBefore, _) = before.GetValueOrDefault(intent);
        Assert.Equal(sentBefore + 1, after[intent].AutoSent);
        Assert.Equal(failedBefore + 1, after[intent].Failed);
        Assert.Equal((double)after[intent].Failed / after[intent].AutoSent, after[intent].Rate);
        Assert.Equal(globexBefore, await RecordAsync(_globexAdmin));
    }

    [Fact]
    public async Task The_record_is_for_the_admin_key_only()
    {
        await HttpAssert.ProblemAsync(await _acme.GetAsync("/v1/analytics/auto-send"), 403);
        await HttpAssert.ProblemAsync(await factory.ClientFor(null).GetAsync("/v1/analytics/auto-send"), 401);
    }
}
