using System.Text.Json.Nodes;

namespace Retenza.Api.FunctionalTests;

/// <summary>POST /v1/messages with well-formed JSON that is not a valid message: 400 naming the field, nothing stored.</summary>
[Collection(ApiCollection.Name)]
public sealed class MessageValidationTests(RetenzaApiFactory factory)
{
    private const string Title = "The message is not valid";

    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);

    /// <summary>Each case breaks one thing in an otherwise valid message; the key names it in test output.</summary>
    private static readonly Dictionary<string, (string Field, Action<JsonObject> Break)> Cases = new()
    {
        ["messageId missing"] = ("messageId", m => m.Remove("messageId")),
        ["messageId empty brackets"] = ("messageId", m => m["messageId"] = "< >"),
        ["messageId with a space"] = ("messageId", m => m["messageId"] = "two words@mail.test"),
        ["messageId too long"] = ("messageId", m => m["messageId"] = new string('m', 996)),
        ["from missing"] = ("from.email", m => m.Remove("from")),
        ["from.email missing"] = ("from.email", m => m["from"] = new JsonObject { ["name"] = "Nobody" }),
        ["from.email blank"] = ("from.email", m => m["from"]!["email"] = "   "),
        ["from.email bad"] = ("from.email", m => m["from"]!["email"] = "bad"),
        ["from.email without dot in domain"] = ("from.email", m => m["from"]!["email"] = "a@b"),
        ["from.email with display name"] = ("from.email", m => m["from"]!["email"] = "Name <a@b.com>"),
        ["from.email domain ends with dot"] = ("from.email", m => m["from"]!["email"] = "a@b.com."),
        ["from.name too long"] = ("from.name", m => m["from"]!["name"] = new string('n', 201)),
        ["text missing"] = ("text", m => m.Remove("text")),
        ["text blank"] = ("text", m => m["text"] = " \n\t "),
        ["html without any text"] = ("text", m => { m.Remove("text"); m["html"] = "<p> </p><br/>"; }),
        ["to entry bad"] = ("to[0]", m => m["to"] = new JsonArray("not-an-email")),
        ["second to entry bad"] = ("to[1]", m => m["to"] = new JsonArray("support@acme.test", "Support <support@acme.test>")),
        ["to entry null"] = ("to[0]", m => m["to"] = new JsonArray((JsonNode?)null)),
        ["subject too long"] = ("subject", m => m["subject"] = new string('s', 999)),
        ["inReplyTo empty"] = ("inReplyTo", m => m["inReplyTo"] = "<>"),
        ["references entry empty"] = ("references", m => m["references"] = new JsonArray("<a@mail.test>", "")),
        ["references too many"] = ("references", m => m["references"] = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode?)$"r{i}@mail.test").ToArray())),
        ["orderId with a space"] = ("orderId", m => m["orderId"] = "RT 10001"),
        ["orderId too long"] = ("orderId", m => m["orderId"] = new string('o', 101)),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Invalid_message_is_400_naming_the_field_and_stores_nothing(string caseName)
    {
        var (field, breakIt) = Cases[caseName];
        var message = TestMessages.Valid();
        var (messageId, email) = (message.MessageId(), message.FromEmail());
        breakIt(message);

        var errors = await HttpAssert.ValidationProblemAsync(await _acme.PostMessageAsync(message), Title);

        Assert.Equal([field], errors.Keys);
        Assert.NotEmpty(Assert.Single(errors[field]));
        await _acme.AssertNothingStoredAsync(TestTenants.Acme.Name, messageId, email);
    }

    [Fact]
    public async Task Empty_object_names_every_required_field()
    {
        var errors = await HttpAssert.ValidationProblemAsync(await _acme.PostMessageAsync(new JsonObject()), Title);

        Assert.Equal(["from.email", "messageId", "text"], errors.Keys.Order());
    }

    [Fact]
    public async Task Bad_email_is_quoted_back_in_the_error()
    {
        var message = TestMessages.Valid();
        message["from"]!["email"] = "a@b";

        var errors = await HttpAssert.ValidationProblemAsync(await _acme.PostMessageAsync(message), Title);

        Assert.Equal(["'a@b' is not a valid email address."], errors["from.email"]);
    }

    [Fact]
    public async Task Rejected_message_does_not_reserve_its_id()
    {
        var message = TestMessages.Valid();
        var text = message["text"]!.DeepClone();
        message.Remove("text");
        await HttpAssert.ValidationProblemAsync(await _acme.PostMessageAsync(message), Title);

        message["text"] = text;
        var response = await _acme.PostMessageAsync(message);

        await HttpAssert.JsonAsync(response, 201);
    }
}
