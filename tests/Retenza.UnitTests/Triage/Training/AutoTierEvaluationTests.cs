using Retenza.Triage;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.Triage.Training;

namespace Retenza.UnitTests.Triage.Training;

public sealed class AutoTierEvaluationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Answers each text with a scripted route and intent, and records the order it could see.</summary>
    private sealed class ScriptedPipeline(Dictionary<string, (TriageRoute Route, string Intent)> script) : ITriagePipeline
    {
        public List<OrderSnapshot?> OrdersSeen { get; } = [];

        public async ValueTask<TriageResult> TriageAsync(TriageRequest request, CancellationToken cancellationToken = default)
        {
            OrdersSeen.Add(request.OrderId is null ? null : await request.Orders.FindAsync(request.OrderId, cancellationToken));
            var (route, intent) = script[request.Text];
            var prediction = new IntentPrediction(intent, 0.97, [], [], "scripted");
            return new TriageResult("summary", route, null, 0, [], "model", "1")
            {
                Assessment = new TriageAssessment("summary", prediction, "en", null, OrderLookup.None, Retenza.Triage.Customers.CustomerContext.FirstContact, null, null, []),
            };
        }
    }

    private static readonly LabeledText[] Rows =
    [
        new("where is my parcel", "track_order", "test"),
        new("refund me", "get_refund", "test"),
        new("my card was used by someone else", "fraud_claim", "test"),
        new("your service is a joke", "complaint", "test"),
        new("hello", "other", "test"),
    ];

    private static ScriptedPipeline Pipeline() => new(new()
    {
        ["where is my parcel"] = (TriageRoute.Auto, "track_order"),
        ["refund me"] = (TriageRoute.Auto, "track_refund"),
        ["my card was used by someone else"] = (TriageRoute.Auto, "fraud_claim"),
        ["your service is a joke"] = (TriageRoute.Review, "contact_customer_service"),
        ["hello"] = (TriageRoute.Escalate, "other"),
    });

    [Fact]
    public async Task Counts_what_would_be_auto_sent_and_how_often_it_is_right()
    {
        var report = await AutoTierEvaluation.RunAsync(Pipeline(), Rows, OrderCondition.NoOrder, Now);

        Assert.Equal((5, 3, 2, 1, 1), (report.Rows, report.Auto, report.AutoCorrect, report.Review, report.Escalate));
        Assert.Equal(0.6, report.Coverage, 12);
        Assert.Equal(2.0 / 3, report.Precision!.Value, 12);
        Assert.Equal(BinomialBounds.LowerBound95(2, 3), report.PrecisionLowerBound);
        var error = Assert.Single(report.Errors);
        Assert.Equal(("refund me", "get_refund", "track_refund"), (error.Text, error.Gold, error.Predicted));
        Assert.Equal((1, 1), (report.HumanOnlyRows, report.HumanOnlyAuto));
    }

    [Fact]
    public async Task An_order_condition_puts_the_senders_order_in_front_of_triage()
    {
        var none = Pipeline();
        var transit = Pipeline();

        await AutoTierEvaluation.RunAsync(none, Rows, OrderCondition.NoOrder, Now);
        await AutoTierEvaluation.RunAsync(transit, Rows, OrderCondition.InTransit, Now);

        Assert.All(none.OrdersSeen, Assert.Null);
        Assert.All(transit.OrdersSeen, order =>
        {
            Assert.NotNull(order);
            Assert.Equal((OrderCondition.OrderId, OrderStatus.Shipped, ShipmentStatus.InTransit), (order.OrderId, order.Status, order.Shipments[0].Status));
        });
        Assert.Equal(Rows.Length, transit.OrdersSeen.Select(o => o!.CustomerEmail).Distinct().Count());
    }

    [Fact]
    public async Task Rows_labelled_outside_the_taxonomy_are_left_out()
    {
        var pipeline = Pipeline();

        var report = await AutoTierEvaluation.RunAsync(pipeline, [Rows[0], new("refund me", "refund_please", "test")], OrderCondition.NoOrder, Now);

        Assert.Equal((1, 1, 1), (report.Rows, report.Auto, report.AutoCorrect));
        Assert.Single(pipeline.OrdersSeen);
    }

    [Fact]
    public async Task Nothing_auto_sent_has_no_precision()
    {
        var report = await AutoTierEvaluation.RunAsync(Pipeline(), [Rows[3], Rows[4]], OrderCondition.Delivered, Now);

        Assert.Equal(0, report.Auto);
        Assert.Null(report.Precision);
        Assert.Null(report.PrecisionLowerBound);
    }

    [Fact]
    public async Task With_the_committed_model_every_human_only_email_of_our_noisy_sets_is_escalated_whatever_order_is_on_file()
    {
        var pipeline = TriageEngine.CreateDefault(NgramIntentClassifier.Load(RepositoryFiles.ModelDirectory), TimeProvider.System);
        var humanOnly = RepositoryFiles.NoisySets
            .SelectMany(file => LabeledFile.Read(file, "text", "intent"))
            .Where(row => IntentTaxonomy.HumanOnly.Contains(row.Label))
            .ToArray();
        Assert.True(humanOnly.Length > 200);

        var notEscalated = new List<string>();
        foreach (var condition in OrderCondition.All)
        {
            for (var i = 0; i < humanOnly.Length; i++)
            {
                var result = await pipeline.TriageAsync(AutoTierEvaluation.RequestFor(humanOnly[i].Text, i, condition, Now));
                if (result.Route != TriageRoute.Escalate)
                {
                    notEscalated.Add($"{condition.Name}: {humanOnly[i].Label} -> {result.Route}: {humanOnly[i].Text}");
                }
            }
        }

        Assert.Empty(notEscalated);
    }

    [Fact]
    public async Task With_the_committed_model_no_human_only_email_is_auto_sent_whatever_order_is_on_file()
    {
        var pipeline = TriageEngine.CreateDefault(NgramIntentClassifier.Load(RepositoryFiles.ModelDirectory), TimeProvider.System);
        var rows = RepositoryFiles.NoisySets.SelectMany(file => LabeledFile.Read(file, "text", "intent")).ToArray();

        foreach (var condition in OrderCondition.All)
        {
            var report = await AutoTierEvaluation.RunAsync(pipeline, rows, condition, Now);
            Assert.True(report.HumanOnlyRows > 200);
            Assert.Equal(0, report.HumanOnlyAuto);
        }
    }
}
