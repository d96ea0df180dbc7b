using Retenza.Triage.Intents;
using Retenza.UnitTests.Triage.Training;

namespace Retenza.UnitTests.Triage.Intents;

/// <summary>The committed model (models/intent) on clear examples written for these tests, not taken from any training file.</summary>
public sealed class NgramIntentClassifierTests
{
    private static readonly Lazy<NgramIntentClassifier> Committed = new(() => NgramIntentClassifier.Load(RepositoryFiles.ModelDirectory));

    private static NgramIntentClassifier Classifier => Committed.Value;

    [Theory]
    [InlineData("Hello, can you tell me where my parcel RT-55012 is? It shipped on Monday.", "track_order")]
    [InlineData("Please cancel the order I placed an hour ago, I bought the wrong one.", "cancel_order")]
    [InlineData("I forgot my password and the reset link doesn't work", "recover_password")]
    [InlineData("The teapot I received had a big crack in the lid and the spout was snapped off.", "damaged_item")]
    [InlineData("You sent me a size 12 jumper but I ordered a size 8.", "wrong_item")]
    [InlineData("It has been three weeks since I ordered and my package still hasn't arrived, it's very late.", "delivery_delayed")]
    [InlineData("How do I send back the boots? They are too narrow.", "return_request")]
    [InlineData("I'd like to unsubscribe from your newsletter please", "newsletter_subscription")]
    [InlineData("what's the weather going to be like in Paris tomorrow", "other")]
    public void Clear_requests_get_their_intent(string text, string intent)
    {
        var prediction = Classifier.Classify(text);

        Assert.Equal(intent, prediction.Name);
        Assert.True(prediction.Probability > 0.5, $"{prediction.Name} at {prediction.Probability:0.00}");
    }

    [Theory]
    [InlineData("Someone bought two laptops on my account with my saved card. I never made these orders!", "fraud_claim")]
    [InlineData("There is a payment to your shop on my credit card statement that I did not authorise.", "fraud_claim")]
    [InlineData("If I don't get a full refund by Friday my lawyer will be filing a claim against you.", "legal_threat")]
    [InlineData("I am taking you to court over this faulty heater.", "legal_threat")]
    [InlineData("Refund me today or I will ask my bank to reverse the payment as a chargeback.", "chargeback_threat")]
    [InlineData("I have opened a dispute with PayPal for this order.", "chargeback_threat")]
    [InlineData("I'm blind and your checkout page doesn't work with my screen reader at all.", "accessibility_complaint")]
    [InlineData("Your website can't be used with a keyboard only, I can't reach the pay button.", "accessibility_complaint")]
    [InlineData("I have two accounts with you, could you merge them and move my store credit to the new one?", "account_judgment")]
    [InlineData("My ex has taken over our shared account and says it's theirs. It's registered in my name.", "account_judgment")]
    public void Human_only_requests_get_their_intent(string text, string intent)
    {
        var prediction = Classifier.Classify(text);

        Assert.Equal(intent, prediction.Name);
        Assert.Contains(intent, IntentTaxonomy.HumanOnly);
    }

    [Fact]
    public void A_prediction_carries_three_runners_up_in_descending_order_and_the_stage()
    {
        var prediction = Classifier.Classify("where is my refund for the returned jacket?");

        Assert.Equal("ngram", prediction.Stage);
        Assert.Equal(NgramIntentClassifier.AlternativeCount, prediction.Alternatives.Count);
        Assert.DoesNotContain(prediction.Alternatives, a => a.Name == prediction.Name);
        var probabilities = new[] { prediction.Probability }.Concat(prediction.Alternatives.Select(a => a.Probability)).ToArray();
        Assert.Equal(probabilities.OrderDescending(), probabilities);
        Assert.True(probabilities.Sum() <= 1.0 + 1e-9);
        Assert.All(probabilities, p => Assert.InRange(p, 0.0, 1.0));
    }

    [Theory]
    [InlineData("Where is my order RT-10006? It still has not arrived.\n\nAlso, please unsubscribe me from your newsletter, I get too many emails.", "track_order", "newsletter_subscription")]
    [InlineData("Please cancel order #55123, I don't need it any more. Separately, how do I reset my password? I can't log in.", "cancel_order", "recover_password")]
    [InlineData("The order's a week past the date you gave me and still hasn't even been dispatched. I'm done waiting. Cancel it.", "delivery_delayed", "cancel_order")]
    public void A_second_separate_issue_in_another_sentence_is_reported(string text, string first, string second)
    {
        var prediction = Classifier.Classify(text);

        var issues = prediction.Secondary.Select(s => s.Name).Prepend(prediction.Name).ToArray();
        Assert.Contains(first, issues);
        Assert.Contains(second, issues);
        Assert.NotEmpty(prediction.Secondary);
        Assert.DoesNotContain(prediction.Secondary, s => s.Name == prediction.Name);
        Assert.All(prediction.Secondary, s => Assert.True(s.Probability >= NgramIntentClassifier.MarkedSecondaryThreshold));
    }

    [Fact]
    public void Two_issues_the_customer_separates_with_also_are_both_reported_even_when_a_clause_reads_weaker()
    {
        // The refund clause alone reads track_refund at about 0.57, below the unmarked threshold.
        var prediction = Classifier.Classify(
            "I need a refund for the broken mug in RT-20010. Also, please change the shipping address on my next order to 12 Oak Street.");

        var issues = prediction.Secondary.Select(s => s.Name).Prepend(prediction.Name).ToArray();
        Assert.Contains("change_shipping_address", issues);
        Assert.Contains(issues, i => i is "track_refund" or "get_refund" or "damaged_item");
        Assert.NotEmpty(prediction.Secondary);
    }

    [Theory]
    [InlineData("Just wanted to say thanks, your team was lovely last time and I really appreciated it, you are all wonderful, have a great weekend. P.S. my vase arrived broken.", "damaged_item")]
    public void An_issue_wrapped_in_courtesy_is_what_the_email_is_about(string text, string intent)
    {
        // The whole text reads "other" (the courtesy outweighs the issue); the clause that states the issue decides.
        var whole = new double[Classifier.Model.Labels.Count];
        Classifier.Score(text, whole);
        Assert.Equal(IntentTaxonomy.Other, Classifier.Model.Labels[Array.IndexOf(whole, whole.Max())]);

        var prediction = Classifier.Classify(text);

        Assert.Equal(intent, prediction.Name);
        Assert.Equal(IntentTaxonomy.Other, prediction.Alternatives[0].Name);
    }

    [Fact]
    public void Courtesy_alone_stays_other()
    {
        Assert.Equal(IntentTaxonomy.Other, Classifier.Classify("Thank you so much for your help last week, your team was lovely. Have a great day!").Name);
    }

    [Theory]
    [InlineData("Where is my order RT-10006? Also it was supposed to be here on Monday.")]
    [InlineData("My parcel is late. Also, it has not moved in the tracking since Friday.")]
    public void An_also_clause_that_adds_no_separate_issue_adds_no_secondary(string text) =>
        Assert.Empty(Classifier.Classify(text).Secondary);

    [Fact]
    public void A_human_only_issue_hidden_in_a_routine_email_is_reported_as_secondary()
    {
        var prediction = Classifier.Classify(
            "Can you tell me where my order is? It was due on Monday. By the way, I will be taking you to court if my earlier refund is not paid.");

        Assert.Contains(prediction.Secondary.Select(s => s.Name).Append(prediction.Name), n => n == "legal_threat");
    }

    [Theory]
    [InlineData("My vase arrived broken. I would like a refund please.")]
    [InlineData("Where is my order? It should have arrived by now.")]
    [InlineData("Please cancel my order.")]
    public void One_issue_told_in_several_sentences_has_no_secondary(string text) =>
        Assert.Empty(Classifier.Classify(text).Secondary);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!???")]
    public void Empty_text_is_classified_without_error(string text)
    {
        var prediction = Classifier.Classify(text);

        Assert.True(IntentTaxonomy.IsKnown(prediction.Name));
        Assert.Empty(prediction.Secondary);
    }

    [Fact]
    public void Very_long_text_is_classified_from_its_start()
    {
        var text = "Where is my order RT-10006? It has not arrived. " + string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet consectetur. ", 500));

        var prediction = Classifier.Classify(text);

        Assert.True(IntentTaxonomy.IsKnown(prediction.Name));
    }

    [Fact]
    public void Concurrent_callers_get_the_same_answers_as_a_single_caller()
    {
        string[] texts =
        [
            "where is my parcel", "I want my money back", "my screen reader can't use your site", "cancel my order please",
            "the mug arrived smashed", "I'll dispute the charge with my bank", "merge my two accounts", "tell me a joke",
        ];
        var expected = texts.Select(t => Classifier.Classify(t)).ToArray();

        var results = new IntentPrediction[texts.Length * 50];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = Classifier.Classify(texts[i % texts.Length]));

        for (var i = 0; i < results.Length; i++)
        {
            var want = expected[i % texts.Length];
            Assert.Equal(want.Name, results[i].Name);
            Assert.Equal(want.Probability, results[i].Probability);
        }
    }

    [Fact]
    public void The_model_version_names_the_stage_the_training_date_and_the_file_hash()
    {
        Assert.Matches(@"^intent-ngram-\d{8}-[0-9a-f]{8}$", Classifier.ModelVersion);
        Assert.Equal($"intent-ngram-{Classifier.Model.Info.TrainedAt.UtcDateTime:yyyyMMdd}", Classifier.ModelVersion[..^9]);
    }

    [Fact]
    public void The_committed_model_knows_the_whole_taxonomy_and_stays_small()
    {
        Assert.Equal(IntentTaxonomy.All.Order(StringComparer.Ordinal), Classifier.Model.Labels);
        Assert.True(new FileInfo(Path.Combine(RepositoryFiles.ModelDirectory, IntentModel.FileName)).Length < 5 * 1024 * 1024);
        Assert.True(File.Exists(Path.Combine(RepositoryFiles.Root, "models", "MODEL_CARD.md")));
    }

    [Fact]
    public void A_missing_or_damaged_model_fails_clearly()
    {
        var directory = Directory.CreateTempSubdirectory("retenza-model-").FullName;
        try
        {
            Assert.Contains("retenza train", Assert.Throws<FileNotFoundException>(() => NgramIntentClassifier.Load(directory)).Message);

            var broken = Path.Combine(directory, IntentModel.FileName);
            using (var zip = new System.IO.Compression.ZipArchive(File.Create(broken), System.IO.Compression.ZipArchiveMode.Create))
            {
                zip.CreateEntry("labels.txt");
            }

            Assert.Contains("manifest.json", Assert.Throws<InvalidDataException>(() => NgramIntentClassifier.Load(directory)).Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
