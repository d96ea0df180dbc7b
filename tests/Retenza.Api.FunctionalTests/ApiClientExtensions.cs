using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Retenza.Tickets;

namespace Retenza.Api.FunctionalTests;

public static class ApiClientExtensions
{
    public static Task<HttpResponseMessage> PostMessageAsync(this HttpClient client, JsonNode? body) =>
        client.PostRawAsync(body?.ToJsonString() ?? "null", "application/json");

    /// <summary>Posts exactly these bytes with exactly this content type (none when null).</summary>
    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string body, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return client.PostAsync("/v1/messages", content);
    }

    public static Task<HttpResponseMessage> GetTicketAsync(this HttpClient client, string ticketId) =>
        client.GetAsync($"/v1/tickets/{Uri.EscapeDataString(ticketId)}");

    public static Task<HttpResponseMessage> GetCustomerByEmailAsync(this HttpClient client, string email) =>
        client.GetAsync($"/v1/customers/by-email/{Uri.EscapeDataString(email)}");

    /// <summary>
    /// Proves a rejected message left no trace: neither the ticket its id would open nor its sender's
    /// customer record exists (the customer grain records every ticket it opens).
    /// </summary>
    public static async Task AssertNothingStoredAsync(this HttpClient client, string tenant, string messageId, string fromEmail)
    {
        await HttpAssert.ProblemAsync(await client.GetTicketAsync(TicketIds.ForMessage(tenant, messageId)), 404);
        await HttpAssert.ProblemAsync(await client.GetCustomerByEmailAsync(fromEmail), 404);
    }
}
