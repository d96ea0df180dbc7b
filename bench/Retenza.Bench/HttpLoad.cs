using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Retenza.Bench;

/// <summary>POST /v1/messages with unique message ids, spread over many customers.</summary>
internal sealed class HttpLoad : IDisposable
{
    private static readonly string[] Subjects =
    [
        "Where is my order?",
        "Item arrived damaged",
        "Refund request",
        "Wrong size delivered",
        "Cancel my order please",
    ];

    private static readonly string[] Bodies =
    [
        "Hi, I ordered a week ago and the tracking has not moved since Monday. Can you tell me when it will arrive?",
        "Hello, the vase in my order arrived broken. I attached a photo. I would like a replacement or a refund.",
        "I returned the jacket ten days ago and still have not received my refund. Please check.",
        "You sent me a medium instead of a large. How do I exchange it?",
        "Please cancel my order, I ordered the wrong colour by mistake. Thanks!",
    ];

    private readonly HttpClient _client;
    private readonly int _customers;
    private readonly double _replies;
    private readonly string _runId = Guid.NewGuid().ToString("N")[..12];

    public HttpLoad(Uri baseAddress, string key, int concurrency, int customers, double replies)
    {
        _customers = customers;
        _replies = replies;
        var handler = new SocketsHttpHandler
        {
            // One connection per worker: HTTP/1.1 runs one request at a time on a connection.
            MaxConnectionsPerServer = concurrency + 8,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    /// <summary>One request before the load, so a wrong key or URL fails loudly instead of as thousands of errors.</summary>
    public async Task<string?> PreflightAsync()
    {
        try
        {
            using var response = await SendAsync(-1, 0);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                return null;
            }

            var body = await response.Content.ReadAsStringAsync();
            return $"POST {_client.BaseAddress}v1/messages answered {(int)response.StatusCode}: {Truncate(body, 300)}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"POST {_client.BaseAddress}v1/messages failed: {e.Message}";
        }
    }

    public async Task<Outcome> PostAsync(int worker, long sequence)
    {
        using var response = await SendAsync(worker, sequence);
        // Drain the body so the connection goes back to the pool.
        await response.Content.LoadIntoBufferAsync();
        return response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK
            ? Outcome.Ok
            : new Outcome(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private Task<HttpResponseMessage> SendAsync(int worker, long sequence)
    {
        var content = new ByteArrayContent(Body(worker, sequence));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return _client.PostAsync("v1/messages", content);
    }

    private byte[] Body(int worker, long sequence)
    {
        var customer = Random.Shared.Next(_customers);
        var variant = Random.Shared.Next(Subjects.Length);
        var buffer = new MemoryStream(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("messageId", $"<bench-{_runId}-{worker}-{sequence}@bench.retenza.invalid>");
            json.WriteStartObject("from");
            json.WriteString("email", $"customer{customer}@bench.example");
            json.WriteString("name", $"Customer {customer}");
            json.WriteEndObject();
            json.WriteStartArray("to");
            json.WriteStringValue("support@store.example");
            json.WriteEndArray();
            json.WriteString("subject", Subjects[variant]);
            json.WriteString("text", Bodies[variant]);
            // A reply names the customer's standing order, so it threads onto their open ticket (issue 4);
            // anything else is a new issue on an order of its own: a new ticket.
            json.WriteString("orderId", Random.Shared.NextDouble() < _replies
                ? $"RT-{10000 + customer}"
                : $"RT-{1_000_000_000L + (worker + 1L) * 100_000_000L + sequence}");
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    public void Dispose() => _client.Dispose();
}
