using System.Text.Json;
using Retenza.Triage.Intents;
using Retenza.Triage.Training;

namespace Retenza.Cli.Commands;

/// <summary><c>retenza eval</c>: scores the intent model on any labelled file and prints accuracy, F1, calibration and risk–coverage.</summary>
internal sealed class EvalCommand : ICliCommand
{
    private const string DataOption = "--data";
    private const string TextColumnOption = "--text-column";
    private const string LabelColumnOption = "--label-column";
    private const string ModelOption = "--model";
    private const string JsonFlag = "--json";
    private const string NgramOnlyFlag = "--ngram-only";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public IReadOnlyList<string> Path { get; } = ["eval"];

    public string Usage => $"eval {DataOption} FILE {TextColumnOption} C {LabelColumnOption} L [{JsonFlag}] [{ModelOption} DIR] [{NgramOnlyFlag}]";

    public string Description =>
        "Score the intent model on a labelled .csv/.tsv/.jsonl file: accuracy, macro-F1, per-label F1, ECE, risk-coverage, 'other' auto-eligible share; " +
        "the auto tier of the whole pipeline (what would be auto-sent, and how often wrongly) with no order, an order in transit and a delivered one; " +
        "the n-gram model alone, then the cascade with the embedding head when one was trained (with its latency and second-stage share).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken ct)
    {
        // --json is a switch; the shared parser only knows options with values.
        var json = args.Contains(JsonFlag, StringComparer.Ordinal);
        var ngramOnly = args.Contains(NgramOnlyFlag, StringComparer.Ordinal);
        var commandLine = CommandLine.Parse(args.Where(a => a != JsonFlag && a != NgramOnlyFlag).ToArray(), DataOption, TextColumnOption, LabelColumnOption, ModelOption);
        if (commandLine.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{commandLine.Positionals[0]}'");
        }

        var data = Required(commandLine, DataOption);
        var textColumn = Required(commandLine, TextColumnOption);
        var labelColumn = Required(commandLine, LabelColumnOption);
        if (!File.Exists(data))
        {
            throw new UsageException($"data file '{data}' not found");
        }

        var modelPath = commandLine.Option(ModelOption)
                        ?? IntentModelLocator.Find(Directory.GetCurrentDirectory())
                        ?? IntentModelLocator.Find(AppContext.BaseDirectory)
                        ?? throw new UsageException($"no model found under {IntentModelLocator.RelativeDirectory}: pass {ModelOption} DIR or run 'retenza train'");
        var classifier = NgramIntentClassifier.Load(modelPath);
        var rows = LabeledFile.Read(data, textColumn, labelColumn);
        var report = ModelEvaluation.Evaluate(classifier.Model, rows);
        var autoTier = await EvaluateAutoTierAsync(classifier, rows, ct);
        var cascade = ngramOnly ? null : EvaluateCascade(modelPath, classifier, rows);

        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new { modelVersion = classifier.ModelVersion, data = System.IO.Path.GetFullPath(data), report, autoTier, cascade }, Json));
        }
        else
        {
            context.Out.WriteLine($"model: {classifier.ModelVersion}");
            context.Out.WriteLine($"data:  {System.IO.Path.GetFullPath(data)} ({rows.Count} rows)");
            context.Out.Write(report.ToText());
            context.Out.WriteLine();
            context.Out.Write(AutoTierText.Write(autoTier));
            if (cascade is not null)
            {
                context.Out.WriteLine();
                context.Out.WriteLine($"cascade: {cascade.ModelVersion} (band {cascade.Band:0.###}, n-gram weight {cascade.NgramWeight:0.##})");
                context.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"latency per email: mean {cascade.Latency.MeanMicroseconds:0} us, p50 {cascade.Latency.P50Microseconds:0} us, p99 {cascade.Latency.P99Microseconds:0} us; second stage for {cascade.Latency.SecondStageShare:P1}; load {cascade.LoadMilliseconds:0} ms"));
                context.Out.Write(cascade.Report.ToText());
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>The whole pipeline with the n-gram model (the shipped default) under each order condition.</summary>
    private static async Task<IReadOnlyList<AutoTierReport>> EvaluateAutoTierAsync(NgramIntentClassifier classifier, IReadOnlyList<LabeledText> rows, CancellationToken ct)
    {
        var pipeline = Retenza.Triage.TriageEngine.CreateDefault(classifier, TimeProvider.System);
        var now = TimeProvider.System.GetUtcNow();
        var reports = new List<AutoTierReport>();
        foreach (var condition in OrderCondition.All)
        {
            reports.Add(await AutoTierEvaluation.RunAsync(pipeline, rows, condition, now, ct));
        }

        return reports;
    }

    /// <summary>The cascade's scores, timing and share of second-stage emails; null when no embedding head was trained beside the model.</summary>
    private static CascadeEvaluation? EvaluateCascade(string modelPath, NgramIntentClassifier ngram, IReadOnlyList<LabeledText> rows)
    {
        var directory = Directory.Exists(modelPath) ? modelPath : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(modelPath))!;
        if (!File.Exists(System.IO.Path.Combine(directory, EmbeddingIntentHead.FileName)))
        {
            return null;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var encoder = new MiniLmSentenceEmbedder();
        var stage = EmbeddingIntentStage.Load(directory, encoder);
        var cascade = new CascadeIntentClassifier(ngram, stage, stage.Head.Info.Band, stage.Head.Info.NgramWeight);
        var load = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var latency = LatencySummary.Measure("data", cascade, rows.Select(r => r.Text).ToArray());
        var report = EvaluationReport.Create(ModelEvaluation.Predict(cascade, rows));
        return new CascadeEvaluation(cascade.ModelVersion, cascade.Band, cascade.NgramWeight, report, latency, load);
    }

    private sealed record CascadeEvaluation(string ModelVersion, double Band, double NgramWeight, EvaluationReport Report, LatencySummary Latency, double LoadMilliseconds);

    private static string Required(CommandLine commandLine, string option) =>
        commandLine.Option(option) is { Length: > 0 } value ? value : throw new UsageException($"{option} is required");
}
