using System.Net.Http.Headers;
using System.Text;

namespace Retenza.Api.FunctionalTests;

/// <summary>POST /v1/messages bodies that are not JSON objects, not JSON at all, or too large.</summary>
[Collection(ApiCollection.Name)]
public sealed class MessageBodyTests(RetenzaApiFactory factory)
{
    private const int DefaultLimit = 262144;

    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);

    // Line and position come from System.Text.Json; the API promises they are there, not their exact values.
    [Theory]
    [InlineData("{not json}", @"^The body is not a valid JSON object \(line 1, position \d+\)\.$")]
    [InlineData("[]", @"^The body is not a valid JSON object \(line 1, position \d+\)\.$")]
    [InlineData("\"a string\"", @"^The body is not a valid JSON object \(line 1, position \d+\)\.$")]
    [InlineData("{\"messageId\": ", @"^Invalid value at '\$\.messageId' \(line 1, position \d+\)\.$")]
    [InlineData("{\"to\": \"a@b.com\"}", @"^Invalid value at '\$\.to' \(line 1, position \d+\)\.$")]
    [InlineData("{\"receivedAt\": \"yesterday\"}", @"^Invalid value at '\$\.receivedAt' \(line 1, position \d+\)\.$")]
    [InlineData("{\"from\": {\"email\": 42}}", @"^Invalid value at '\$\.from\.email' \(line 1, position \d+\)\.$")]
    public async Task Body_that_is_not_json_of_the_message_shape_is_400_malformed_json(string body, string detailPattern)
    {
        var response = await _acme.PostRawAsync(body, "application/json");

        var problem = await HttpAssert.ProblemAsync(response, 400);
        Assert.Equal("Malformed JSON", problem.GetProperty("title").GetString());
        Assert.Matches(detailPattern, problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("errors", out _));
    }

    [Theory]
    [InlineData("null", "The request body must be a JSON object, not null.")]
    [InlineData("{\"messageId\": \"x@mail.test\", \"unknown\": 1}", "Unknown field 'unknown'.")]
    [InlineData("{\"from\": {\"email\": \"a@b.com\", \"phone\": \"1\"}}", "Unknown field 'phone'.")]
    public async Task Json_null_or_unknown_field_is_400_malformed_json(string body, string detail)
    {
        var response = await _acme.PostRawAsync(body, "application/json");

        await HttpAssert.ProblemAsync(response, 400, "Malformed JSON", detail);
    }

    [Fact]
    public async Task Malformed_json_detail_does_not_leak_dotnet_type_names()
    {
        var response = await _acme.PostRawAsync("{\"messageId\": \"x@mail.test\", \"extra\": true}", "application/json");

        var problem = await HttpAssert.ProblemAsync(response, 400);
        Assert.DoesNotContain("Retenza", problem.ToString());
        Assert.DoesNotContain("System.", problem.ToString());
    }

    [Fact]
    public async Task Empty_body_is_400()
    {
        var response = await _acme.PostRawAsync("", "application/json");

        await HttpAssert.ProblemAsync(response, 400, "Empty body", "The request body must be a JSON object.");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task Non_json_content_type_is_415(string contentType)
    {
        var message = TestMessages.Valid();

        var response = await _acme.PostRawAsync(message.ToJsonString(), contentType);

        await HttpAssert.ProblemAsync(response, 415, "Unsupported media type", "Send the message as 'Content-Type: application/json', or the raw email as 'message/rfc822'.");
        await _acme.AssertNothingStoredAsync(TestTenants.Acme.Name, message.MessageId(), message.FromEmail());
    }

    [Fact]
    public async Task Missing_content_type_is_415_saying_what_to_send()
    {
        var message = TestMessages.Valid();

        var response = await _acme.PostRawAsync(message.ToJsonString(), contentType: null);

        await HttpAssert.ProblemAsync(response, 415, "Unsupported media type", "Send the message as 'Content-Type: application/json', or the raw email as 'message/rfc822'.");
        await _acme.AssertNothingStoredAsync(TestTenants.Acme.Name, message.MessageId(), message.FromEmail());
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/vnd.retenza+json")]
    public async Task Json_media_types_with_parameters_or_suffix_are_accepted(string contentType)
    {
        var response = await _acme.PostRawAsync(TestMessages.Valid().ToJsonString(), contentType);

        await HttpAssert.JsonAsync(response, 201);
    }

    [Fact]
    public async Task Body_over_the_default_limit_is_413_and_stores_nothing()
    {
        var message = OversizeMessage(out var body);

        var response = await _acme.PostRawAsync(body, "application/json");

        await HttpAssert.ProblemAsync(response, 413, "Message too large", $"The body exceeds the limit of {DefaultLimit} bytes.");
        await _acme.AssertNothingStoredAsync(TestTenants.Acme.Name, message.MessageId(), message.FromEmail());
    }

    [Fact]
    public async Task Chunked_body_over_the_default_limit_is_413_and_stores_nothing()
    {
        // No Content-Length: the API must count while reading rather than trust a header.
        var message = OversizeMessage(out var body);
        var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _acme.PostAsync("/v1/messages", content);

        Assert.Null(content.Headers.ContentLength);
        await HttpAssert.ProblemAsync(response, 413, "Message too large", $"The body exceeds the limit of {DefaultLimit} bytes.");
        await _acme.AssertNothingStoredAsync(TestTenants.Acme.Name, message.MessageId(), message.FromEmail());
    }

    [Fact]
    public async Task Chunked_body_under_the_limit_is_accepted()
    {
        var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(TestMessages.Valid().ToJsonString())));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _acme.PostAsync("/v1/messages", content);

        await HttpAssert.JsonAsync(response, 201);
    }

    /// <summary>A valid message that is over the limit only because its text is long.</summary>
    private static System.Text.Json.Nodes.JsonObject OversizeMessage(out string body)
    {
        var message = TestMessages.Valid();
        message["text"] = new string('x', DefaultLimit);
        body = message.ToJsonString();
        return message;
    }
}
