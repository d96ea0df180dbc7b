using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Retenza.Hosting;

namespace Retenza.Api.FunctionalTests;

/// <summary>
/// Local mode honours its configuration: a dedicated factory (own silo, own free ports, running
/// alongside the shared one) with custom demo keys and a 1 KiB body limit.
/// </summary>
[Collection(ConfiguredLocalModeCollection.Name)]
public sealed class LocalModeConfigurationTests(ConfiguredLocalModeFactory factory)
{
    private readonly HttpClient _platform = factory.ClientFor(ConfiguredLocalModeFactory.PlatformKey);

    [Fact]
    public void Silo_uses_the_configured_free_ports()
    {
        var cluster = factory.Services.GetRequiredService<RetenzaSettings>().Cluster;

        Assert.Equal((factory.SiloPort, factory.GatewayPort), (cluster.SiloPort, cluster.GatewayPort));
        Assert.NotEqual((11111, 30000), (cluster.SiloPort, cluster.GatewayPort));
        // The silo really listens there: the ports are taken.
        AssertPortTaken(factory.SiloPort);
        AssertPortTaken(factory.GatewayPort);
    }

    [Fact]
    public async Task Configured_demo_tenant_and_keys_replace_the_defaults()
    {
        var tenant = await HttpAssert.JsonAsync(await factory.ClientFor(ConfiguredLocalModeFactory.AdminKey).GetAsync("/v1/tenant"), 200);

        Assert.Equal(ConfiguredLocalModeFactory.Tenant, tenant.GetProperty("name").GetString());
        Assert.Equal(["platform", "admin"], tenant.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kind").GetString()));
        await HttpAssert.ProblemAsync(await factory.ClientFor("demo-key").GetAsync("/v1/tenant"), 401);
        await HttpAssert.ProblemAsync(await factory.ClientFor("demo-admin-key").GetAsync("/v1/tenant"), 401);
        await HttpAssert.ProblemAsync(await _platform.GetAsync("/v1/tenant"), 403);
    }

    [Fact]
    public async Task Body_of_exactly_the_limit_is_accepted()
    {
        var body = MessageOfSize(ConfiguredLocalModeFactory.MaxMessageBytes, out _);

        var response = await _platform.PostRawAsync(body, "application/json");

        await HttpAssert.JsonAsync(response, 201);
    }

    [Fact]
    public async Task Body_one_byte_over_the_limit_is_413_and_stores_nothing()
    {
        var body = MessageOfSize(ConfiguredLocalModeFactory.MaxMessageBytes + 1, out var message);

        var response = await _platform.PostRawAsync(body, "application/json");

        await HttpAssert.ProblemAsync(response, 413, "Message too large", "The body exceeds the limit of 1024 bytes.");
        await _platform.AssertNothingStoredAsync(ConfiguredLocalModeFactory.Tenant, message.MessageId(), message.FromEmail());
    }

    /// <summary>A valid message padded (in its ASCII text) to exactly <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static string MessageOfSize(int bytes, out System.Text.Json.Nodes.JsonObject message)
    {
        message = TestMessages.Valid();
        var text = (string)message["text"]!;
        var padding = bytes - System.Text.Encoding.UTF8.GetByteCount(message.ToJsonString());
        message["text"] = text + new string('.', padding);
        var body = message.ToJsonString();
        Assert.Equal(bytes, System.Text.Encoding.UTF8.GetByteCount(body));
        return body;
    }

    private static void AssertPortTaken(int port)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var error = Assert.Throws<SocketException>(() => listener.Bind(new IPEndPoint(IPAddress.Loopback, port)));
        Assert.Equal(SocketError.AddressAlreadyInUse, error.SocketErrorCode);
    }
}
