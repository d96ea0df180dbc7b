using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Retenza.Hosting;
using Retenza.Triage;
using Retenza.Triage.Customers;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.UnitTests.Triage.Training;

namespace Retenza.UnitTests.Triage.Golden;

/// <summary>
/// Our own labelled emails (golden.jsonl) through the whole pipeline with the committed model:
/// each one's acceptable routes ("auto|review" for routine mail: never escalated; exactly
/// "escalate" for hard rules) and the reasons it must (and must not) carry. Intent is checked in
/// aggregate, because a rule may rightly escalate an email whose intent the model reads differently.
/// </summary>
public sealed class GoldenSetTests
{
    private static readonly Lazy<TriageEngine> Engine = new(() => TriageEngine.CreateDefault(
        NgramIntentClassifier.Load(RepositoryFiles.ModelDirectory),
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero))));

    public static TheoryData<string> Cases => new(GoldenCase.All.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_golden_email_is_routed_as_labelled(string id)
    {
        var golden = GoldenCase.All.Single(c => c.Id == id);

        var result = await Engine.Value.TriageAsync(golden.Request());

        var codes = result.Reasons.Select(r => r.Code).ToArray();
        var why = $"{id}: intent {result.Assessment?.Intent?.Name} ({result.Assessment?.Intent?.Probability:0.00}), reasons [{string.Join(", ", codes)}]";
        Assert.True(golden.Routes.Contains(result.Route), $"expected {string.Join(" or ", golden.Routes)}, got {result.Route}. {why}");
        Assert.All(golden.Reasons, code => Assert.True(codes.Contains(code), $"missing {code}. {why}"));
        Assert.All(golden.AbsentReasons, code => Assert.False(codes.Contains(code), $"unexpected {code}. {why}"));
        Assert.DoesNotContain("{", result.Assessment!.Draft!.Text);
    }

    [Fact]
    public async Task Nine_in_ten_golden_intents_are_read_right() // a label may list acceptable readings: "a|b"
    {
        var labelled = GoldenCase.All.Where(c => c.Intent is not null).ToArray();
        var right = 0;
        foreach (var golden in labelled)
        {
            var read = (await Engine.Value.TriageAsync(golden.Request())).Assessment!.Intent!.Name;
            right += golden.Intent!.Split('|').Contains(read) ? 1 : 0;
        }

        Assert.True(right >= labelled.Length * 0.9, $"{right} of {labelled.Length} intents right");
    }

    [Fact]
    public async Task No_email_with_a_human_only_intent_is_ever_auto_sent()
    {
        var humanOnly = GoldenCase.All.Where(c => c.Intent is not null && IntentTaxonomy.HumanOnly.Contains(c.Intent)).ToArray();
        Assert.True(humanOnly.Length >= 10);
        foreach (var golden in humanOnly)
        {
            var result = await Engine.Value.TriageAsync(golden.Request());
            Assert.Equal(TriageRoute.Escalate, result.Route);
        }
    }

    private sealed record GoldenCase(
        string Id, string Subject, string Text, string? OrderId, OrderSnapshot? Order, CustomerContext Customer,
        string? Intent, TriageRoute[] Routes, string[] Reasons, string[] AbsentReasons)
    {
        public static readonly IReadOnlyList<GoldenCase> All = Load();

        public TriageRequest Request() => new("golden", $"{Id}@golden.test", "sam@example.com", Subject, Text, OrderId,
            new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero))
        {
            FromName = "Sam",
            Customer = Customer,
            Orders = new PreviewOrderSource(Order, NoOrders.Instance),
        };

        private static List<GoldenCase> Load()
        {
            var path = Path.Combine(RepositoryFiles.Root, "tests", "Retenza.UnitTests", "Triage", "Golden", "golden.jsonl");
            var options = TriageSerialization.JsonOptions;
            return File.ReadLines(path).Where(l => l.Length > 0).Select(line =>
            {
                var node = JsonNode.Parse(line)!.AsObject();
                var expect = node["expect"]!;
                return new GoldenCase(
                    (string)node["id"]!,
                    (string)node["subject"]!,
                    (string)node["text"]!,
                    (string?)node["orderId"],
                    node["order"]?.Deserialize<OrderSnapshot>(options),
                    node["customer"]?.Deserialize<CustomerContext>(options) ?? CustomerContext.FirstContact,
                    (string?)expect["intent"],
                    ((string)expect["route"]!).Split('|').Select(r => Enum.Parse<TriageRoute>(r, ignoreCase: true)).ToArray(),
                    expect["reasons"]!.AsArray().Select(r => (string)r!).ToArray(),
                    expect["absentReasons"]!.AsArray().Select(r => (string)r!).ToArray());
            }).ToList();
        }
    }
}
