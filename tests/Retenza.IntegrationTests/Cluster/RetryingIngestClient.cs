using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Retenza.IntegrationTests.Cluster;

/// <summary>
/// Posts a message the way a well-behaved platform does: until it gets 201 or 200, retrying
/// 5xx and transport errors. Safe only because ingest is idempotent, which is the point under test.
/// </summary>
internal sealed class RetryingIngestClient(HttpClient http)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(120);

    public int Retries;

    public async Task<Accepted> PostAsync(string messageId, string email, string text)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        var body = new
        {
            messageId,
            from = new { email, name = "Load Test" },
            to = new[] { "support@shop.example" },
            subject = "Order question",
            text,
        };

        string? lastFailure = null;
        while (true)
        {
            try
            {
                using var response = await http.PostAsJsonAsync("/v1/messages", body);
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                {
                    var json = await response.Content.ReadFromJsonAsync<JsonElement>();
                    return new Accepted(messageId, email, json.GetProperty("ticketId").GetString()!, response.StatusCode);
                }

                if ((int)response.StatusCode < 500)
                {
                    throw new InvalidOperationException($"{messageId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                lastFailure = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException e) when (DateTime.UtcNow < deadline)
            {
                lastFailure = e.Message;
            }
            catch (TaskCanceledException e) when (DateTime.UtcNow < deadline)
            {
                lastFailure = e.Message;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{messageId} was not accepted within {GiveUpAfter}; last answer: {lastFailure}");
            }

            Interlocked.Increment(ref Retries);
            await Task.Delay(200); // the platform's back-off between retries
        }
    }

    internal sealed record Accepted(string MessageId, string Email, string TicketId, HttpStatusCode Status);
}
