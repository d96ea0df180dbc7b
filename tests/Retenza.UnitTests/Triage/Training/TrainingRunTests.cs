using System.Text.Json;
using Retenza.Triage.Intents;
using Retenza.Triage.Training;

namespace Retenza.UnitTests.Triage.Training;

/// <summary>
/// The whole <c>retenza train</c> run on a miniature data folder laid out like ../shared/data, with rows
/// made up here: sources are read and mapped, evaluation sets stay unseen, and the model and card are written.
/// </summary>
public sealed class TrainingRunTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("retenza-train-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly string[] Subjects = ["parcel", "package", "order", "shipment", "delivery", "box", "purchase", "item", "stuff", "goods", "bundle", "gift"];

    private static IEnumerable<string> Phrases(string pattern) => Subjects.Select(s => string.Format(pattern, s));

    private string Data(string relative) => Path.Combine(_root, "data", relative);

    private void WriteDataFolder()
    {
        Directory.CreateDirectory(Data("bitext"));
        Directory.CreateDirectory(Data("clinc150"));
        Directory.CreateDirectory(Data("banking77"));

        var bitext = Phrases("where is my {0} right now").Select(t => (t, "track_order"))
            .Concat(Phrases("please cancel my {0} today").Select(t => (t, "cancel_order")))
            .Concat(Phrases("i want a refund for the {0}").Select(t => (t, "get_refund")))
            .ToArray();
        File.WriteAllLines(Data(PublicDatasets.BitextFiles[0]), ["flags,instruction,intent", .. bitext.Select(r => $"B,\"{r.t}\",{r.Item2}")]);
        // The second release repeats rows with other order numbers: deduplicated on normalised text.
        File.WriteAllLines(Data(PublicDatasets.BitextFiles[1]), ["instruction,intent", "where is my parcel right now 12345,track_order", "\"where is my parcel right now, 99999\",track_order"]);

        object[][] Pairs(IEnumerable<string> texts, string intent) => texts.Select(t => new object[] { t, intent }).ToArray();
        var clinc = new Dictionary<string, object[][]>
        {
            ["train"] = [.. Pairs(Phrases("what is the weather for the {0} festival"), "weather"), .. Pairs(Phrases("check my {0} order status"), "order_status")],
            ["val"] = [.. Pairs(["will it rain at the weekend", "what is the weather for the parcel festival"], "weather"), .. Pairs(["status of my order please"], "order_status")],
            ["oos_train"] = Pairs(["how tall is a giraffe", "who painted the mona lisa"], "oos"),
            ["oos_val"] = Pairs(["how deep is the ocean"], "oos"),
        };
        File.WriteAllText(Data(PublicDatasets.ClincFile), JsonSerializer.Serialize(clinc));

        File.WriteAllLines(Data(PublicDatasets.Banking77File),
            ["text,category", .. Phrases("I need my money back for the {0} I paid for").Select(t => $"{t},request_refund"), "When will my card arrive?,card_arrival"]);
    }

    private (string Authored, string Noisy) WriteOwnFiles()
    {
        var authored = Path.Combine(_root, "authored.tsv");
        File.WriteAllLines(authored,
        [
            "intent\ttext",
            .. Phrases("someone used my card for a {0} I never bought").Select(t => $"fraud_claim\t{t}"),
            .. Phrases("my lawyer will sue you over the {0}").Select(t => $"legal_threat\t{t}"),
        ]);
        var noisy = Path.Combine(_root, "noisy.tsv");
        File.WriteAllLines(noisy, ["intent\ttext", "track_order\twheres my parcel", "legal_threat\tim gonna sue", "other\twhat's the weather"]);
        return (authored, noisy);
    }

    [Fact]
    public void A_run_maps_the_sources_keeps_evaluation_unseen_and_writes_model_and_card()
    {
        WriteDataFolder();
        var (authored, noisy) = WriteOwnFiles();
        var output = Path.Combine(_root, "models", "intent");
        var log = new StringWriter();
        var options = new TrainingRunOptions(
            Path.Combine(_root, "data"), authored, noisy, output, Seed: 3,
            new IntentTrainingOptions { MaxWordGrams = 2_000, MaxCharGrams = 4_000, MaxIterations = 100, MinDocuments = 1 },
            new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero),
            MoreNoisyFiles: [WriteSecondNoisyFile()]);

        var outcome = TrainingRun.Run(options, log);

        // Bitext: 37 unique rows (the second file's two rows differ only by order number), 20% of each intent held out.
        Assert.Equal(30, outcome.TrainingSources[0].Examples);
        Assert.Equal(7, outcome.Evaluations[0].Report.Rows);
        // CLINC150: weather + oos as other; order_status is commerce and left out.
        Assert.Equal(12 + 2, outcome.TrainingSources[1].Examples);
        // Banking77: only request_refund, as get_refund.
        Assert.Equal(12, outcome.TrainingSources[2].Examples);
        Assert.Equal(24, outcome.TrainingSources[3].Examples);
        Assert.Equal(["cancel_order", "fraud_claim", "get_refund", "legal_threat", "other", "track_order"], outcome.Info.TrainingExamples.Keys);
        Assert.Equal(10 + 12, outcome.Info.TrainingExamples["get_refund"]);
        Assert.Equal(14, outcome.Info.TrainingExamples["other"]);

        // The CLINC val row that repeats a training text is left out; order_status never counts as other.
        var clinc = outcome.Evaluations[2];
        Assert.Equal(1, clinc.DroppedAsSeen);
        Assert.Equal(2, clinc.Report.Rows);
        Assert.Equal(2, clinc.Report.OtherRows);
        Assert.Equal(3, outcome.Evaluations[1].Report.Rows);

        Assert.True(File.Exists(Path.Combine(output, IntentModel.FileName)));
        Assert.StartsWith("intent-ngram-20260304-", outcome.ModelVersion);
        Assert.Equal(outcome.ModelVersion, NgramIntentClassifier.Load(output).ModelVersion);
        var card = File.ReadAllText(Path.Combine(_root, "models", ModelCard.FileName));
        Assert.Contains(outcome.ModelVersion, card);
        Assert.Contains("CDLA-Sharing-1.0", card);
        Assert.Contains("CC BY 3.0", card);
        Assert.Contains("CC BY 4.0", card);
        Assert.Contains("1 rows were left out", card);
        Assert.Contains("### Targets (issue 3)", card);
        Assert.Contains("left out 1 rows", log.ToString());

        // Both noisy sets are evaluated by the model and through the whole pipeline, under every order condition.
        Assert.Equal("noisy emails (noisy-2.tsv)", outcome.Evaluations[3].Name);
        Assert.Equal([TrainingRun.FirstNoisyName, "noisy emails (noisy-2.tsv)"], outcome.AutoTier.Select(t => t.Name));
        Assert.All(outcome.AutoTier, tier => Assert.Equal(OrderCondition.All.Select(o => o.Name), tier.Reports.Select(r => r.Condition)));
        Assert.Equal(2, outcome.AutoTier[1].Reports[0].Rows);
        Assert.All(outcome.AutoTier.SelectMany(t => t.Reports), r => Assert.Equal(0, r.HumanOnlyAuto));
        Assert.Contains("### Auto tier: what the whole pipeline would send", card);
        Assert.Contains("| our noisy emails (noisy-2.tsv) | this project's licence | evaluation only", card);
        Assert.Contains("### Per-intent F1 on noisy emails (noisy-2.tsv)", card);
        Assert.Contains("- The second noisy set decided nothing.", card);
        Assert.DoesNotContain("The third noisy set", card);
    }

    private string WriteSecondNoisyFile()
    {
        var path = Path.Combine(_root, "noisy-2.tsv");
        File.WriteAllLines(path, ["intent\ttext", "legal_threat\tmy solicitor will be in touch", "track_order\thas my parcel shipped yet"]);
        File.WriteAllText(Path.Combine(_root, "noisy-2.note.md"), "The second noisy set decided nothing.\n");
        return path;
    }

    [Fact]
    public void A_run_with_the_embedding_head_writes_the_head_chooses_the_band_on_validation_and_reports_the_cascade()
    {
        WriteDataFolder();
        var (authored, noisy) = WriteOwnFiles();
        var output = Path.Combine(_root, "models", "intent");
        var options = new TrainingRunOptions(
            Path.Combine(_root, "data"), authored, noisy, output, Seed: 3,
            new IntentTrainingOptions { MaxWordGrams = 2_000, MaxCharGrams = 4_000, MaxIterations = 100, MinDocuments = 1 },
            new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero),
            EmbeddingHead: true);

        var outcome = TrainingRun.Run(options, TextWriter.Null);

        var cascade = Assert.IsType<CascadeOutcome>(outcome.Cascade);
        var head = EmbeddingIntentHead.Load(Path.Combine(output, EmbeddingIntentHead.FileName));
        Assert.Equal(outcome.Info.TrainingExamples.Keys, head.Labels);
        Assert.Equal(cascade.Info, head.Info with { TrainingExamples = cascade.Info.TrainingExamples });
        Assert.StartsWith($"{outcome.ModelVersion}+intent-embed-20260304-", cascade.Version);

        // Band and weight come from the authored fifth (12 fraud_claim and 12 legal_threat rows: 2 of each held out), one setting chosen.
        Assert.Equal(4, cascade.ValidationRows);
        Assert.Equal(CascadeTraining.Bands.Count * CascadeTraining.NgramWeights.Count, cascade.Candidates.Count);
        var chosen = Assert.Single(cascade.Candidates, c => c.Chosen);
        Assert.Equal((chosen.Band, chosen.NgramWeight), (head.Info.Band, head.Info.NgramWeight));

        // The same three unseen sets as the n-gram model, and timing for each plus the mix.
        Assert.Equal(outcome.Evaluations.Select(e => (e.Name, e.Report.Rows)), cascade.Evaluations.Select(e => (e.Name, e.Report.Rows)));
        Assert.Equal(outcome.Evaluations.Select(e => e.Name), cascade.HeadAlone.Select(e => e.Name));
        Assert.Equal(4, cascade.CascadeLatency.Count);
        Assert.All(cascade.CascadeLatency, l => Assert.True(l.MeanMicroseconds > 0 && l.P99Microseconds >= l.P50Microseconds));
        Assert.Equal(2 + 3 + 7, cascade.CascadeLatency[^1].Emails);

        var card = File.ReadAllText(Path.Combine(_root, "models", ModelCard.FileName));
        Assert.Contains("## Second stage: sentence embeddings for the uncertain band (cascade)", card);
        Assert.Contains(cascade.Version, card);
        Assert.Contains("**chosen**", card);
        Assert.Contains("### Targets (issue 3), cascade", card);
    }

    [Fact]
    public void Our_files_may_not_use_intents_outside_the_taxonomy()
    {
        WriteDataFolder();
        var (_, noisy) = WriteOwnFiles();
        var authored = Path.Combine(_root, "bad.tsv");
        File.WriteAllLines(authored, ["intent\ttext", "refund_plz\tgive money"]);
        var options = new TrainingRunOptions(Path.Combine(_root, "data"), authored, noisy, Path.Combine(_root, "out"), 1, new IntentTrainingOptions(), DateTimeOffset.UnixEpoch);

        var error = Assert.Throws<InvalidDataException>(() => TrainingRun.Run(options, TextWriter.Null));

        Assert.Contains("refund_plz", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_root, "out")));
    }

    [Fact]
    public void Bitext_intents_outside_the_taxonomy_stop_the_run()
    {
        WriteDataFolder();
        File.AppendAllLines(Data(PublicDatasets.BitextFiles[1]), ["how do I fly a kite,kite_flying"]);

        var error = Assert.Throws<InvalidDataException>(() => PublicDatasets.Bitext(Path.Combine(_root, "data")));

        Assert.Contains("kite_flying", error.Message);
    }
}
