using Retenza.Triage.Intents;

namespace Retenza.Triage.Training;

/// <summary>
/// What <c>retenza train</c> does: reads every source, holds out a stratified 20% of Bitext, fits the
/// softmax temperature on a held-out fifth of our authored examples, trains the model on everything
/// else, scores it on data it never saw (Bitext held-out, our noisy paraphrases, CLINC150 val), and
/// writes the model zip and the model card.
/// </summary>
/// <remarks>
/// The committed model is the one that was evaluated: it is not retrained on the held-out Bitext
/// fifth afterwards, so the card's figures describe the artifact itself. The authored fifth used for
/// the temperature is added back for the final fit (a temperature transfers well between two fits
/// that differ by a few dozen examples, and our authored examples are too few to give away).
/// </remarks>
public static class TrainingRun
{
    public const double BitextHeldOutShare = 0.2;
    public const double CalibrationShare = 0.2;
    public const string FirstNoisyName = "noisy paraphrases (training/eval/noisy.tsv)";

    /// <summary>How the card and the log name a further set of our noisy emails.</summary>
    public static string NoisyName(string file) => $"{MoreNoisyPrefix}{RepositoryPath(file)})";

    private const string MoreNoisyPrefix = "noisy emails (";

    public static TrainingOutcome Run(TrainingRunOptions options, TextWriter log)
    {
        var data = options.DataDirectory;
        if (!Directory.Exists(data))
        {
            throw new DirectoryNotFoundException($"data directory {data} does not exist (pass --data-dir; the public datasets live in ../shared/data beside the repository)");
        }

        log.WriteLine($"reading datasets from {data}");
        var bitext = PublicDatasets.Bitext(data);
        var (bitextTrain, bitextHeldOut) = StratifiedSplit.Split(bitext, BitextHeldOutShare, options.Seed);
        var (clincTrain, clincValidation) = PublicDatasets.ClincOther(data);
        var banking = PublicDatasets.Banking77(data);
        var authored = ReadOwn(options.AuthoredFile, "authored");
        var noisy = ReadOwn(options.NoisyFile, "noisy");
        var moreNoisy = (options.MoreNoisyFiles ?? []).Select(file => (NoisyName(file), ReadOwn(file, "noisy"))).ToArray();

        var pool = new List<LabeledText>([.. bitextTrain, .. clincTrain, .. banking, .. authored]);
        log.WriteLine($"training pool: {pool.Count} examples (Bitext {bitextTrain.Count}, CLINC150 {clincTrain.Count}, Banking77 {banking.Count}, authored {authored.Count})");

        // An evaluation row that normalises to a training text is not unseen (CLINC150 repeats a few short utterances across splits).
        var seen = pool.Select(e => IntentTextNormalizer.Normalize(e.Text)).ToHashSet(StringComparer.Ordinal);
        var evaluationSets = new[]
        {
            ("Bitext held-out 20% (stratified)", bitextHeldOut),
            (FirstNoisyName, noisy),
            ("CLINC150 oos_val + off-domain val as other", clincValidation),
        }.Concat(moreNoisy)
            .Select(set => Unseen(set.Item1, set.Item2, seen, log)).ToArray();
        var evaluations = evaluationSets;

        var (authoredFit, authoredCalibration) = StratifiedSplit.Split(authored, CalibrationShare, options.Seed + 1);
        log.WriteLine($"fitting the temperature: training without {authoredCalibration.Count} authored examples");
        var calibrationModel = IntentTrainer.Train([.. bitextTrain, .. clincTrain, .. banking, .. authoredFit], options.Model, options.TrainedAt);
        var temperature = ModelEvaluation.FitTemperature(calibrationModel, authoredCalibration);
        log.WriteLine($"temperature {temperature:0.000}");

        log.WriteLine("training the final model");
        var model = IntentTrainer.Train(pool, options.Model, options.TrainedAt).WithTemperature(temperature);

        var modelPath = Path.Combine(options.OutputDirectory, IntentModel.FileName);
        model.Save(modelPath);
        var classifier = NgramIntentClassifier.Load(modelPath);
        log.WriteLine($"wrote {modelPath} ({new FileInfo(modelPath).Length / 1024} KiB), version {classifier.ModelVersion}");

        var cascade = options.EmbeddingHead
            ? CascadeTraining.Run(
                new CascadeTraining.Input(
                    [.. bitextTrain, .. clincTrain, .. banking, .. authoredFit],
                    authoredCalibration,
                    calibrationModel.WithTemperature(temperature),
                    pool,
                    modelPath,
                    evaluationSets,
                    options.Model,
                    options.TrainedAt,
                    options.OutputDirectory,
                    options.Seed),
                log)
            : null;

        var outcome = new TrainingOutcome(
            classifier.ModelVersion,
            modelPath,
            new FileInfo(modelPath).Length,
            model.Info,
            [
                new SourceCount("Bitext (80% split)", bitextTrain.Count),
                new SourceCount("CLINC150 train + oos_train as other", clincTrain.Count),
                new SourceCount("Banking77 mapped classes", banking.Count),
                new SourceCount("authored (training/authored/intents.tsv)", authored.Count),
            ],
            options.Model,
            [.. evaluations.Select(set => new EvaluationSet(set.Name, ModelEvaluation.Evaluate(model, set.Rows), set.Dropped))],
            cascade)
        {
            AutoTier = [.. evaluations.Where(set => IsNoisy(set.Name)).Select(set => AutoTier(set.Name, classifier, set.Rows, options.TrainedAt))],
            NoisySetNotes = [.. (options.MoreNoisyFiles ?? []).Select(NoisySetFiles.Note).OfType<string>()],
        };

        var cardPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.OutputDirectory))!, ModelCard.FileName);
        File.WriteAllText(cardPath, ModelCard.Write(outcome));
        log.WriteLine($"wrote {cardPath}");
        return outcome;
    }

    /// <summary>Whether an evaluation set is one of our noisy sets (the first, or one of <see cref="TrainingRunOptions.MoreNoisyFiles"/>).</summary>
    public static bool IsNoisy(string setName) => setName == FirstNoisyName || setName.StartsWith(MoreNoisyPrefix, StringComparison.Ordinal);

    /// <summary>training/eval/x.tsv for a file inside the repository's training folder, else the file name.</summary>
    private static string RepositoryPath(string file)
    {
        var full = Path.GetFullPath(file).Replace('\\', '/');
        var at = full.LastIndexOf("/training/", StringComparison.Ordinal);
        return at >= 0 ? full[(at + 1)..] : Path.GetFileName(file);
    }

    /// <summary>The whole pipeline over our own emails, under each order condition (see <see cref="AutoTierEvaluation"/>).</summary>
    private static AutoTierSet AutoTier(string name, NgramIntentClassifier classifier, IReadOnlyList<LabeledText> rows, DateTimeOffset now)
    {
        var pipeline = TriageEngine.CreateDefault(classifier, TimeProvider.System);

        // The default pipeline with in-memory orders never waits, so blocking on it here is safe.
        var reports = OrderCondition.All.Select(condition => AutoTierEvaluation.RunAsync(pipeline, rows, condition, now).GetAwaiter().GetResult()).ToArray();
        return new AutoTierSet(name, reports);
    }

    private static (string Name, IReadOnlyList<LabeledText> Rows, int Dropped) Unseen(
        string name, IReadOnlyList<LabeledText> rows, HashSet<string> seen, TextWriter log)
    {
        var unseen = rows.Where(r => !seen.Contains(IntentTextNormalizer.Normalize(r.Text))).ToArray();
        if (unseen.Length < rows.Count)
        {
            log.WriteLine($"{name}: left out {rows.Count - unseen.Length} rows whose text is also in the training data");
        }

        return (name, unseen, rows.Count - unseen.Length);
    }

    private static IReadOnlyList<LabeledText> ReadOwn(string path, string source)
    {
        var rows = LabeledFile.Read(path, "text", "intent", source);
        var unknown = rows.Where(r => !IntentTaxonomy.IsKnown(r.Label)).Select(r => r.Label).Distinct().ToArray();
        return unknown.Length == 0
            ? rows
            : throw new InvalidDataException($"{path} uses intents outside the taxonomy: {string.Join(", ", unknown)}");
    }
}
