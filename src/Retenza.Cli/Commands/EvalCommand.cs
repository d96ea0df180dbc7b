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

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public IReadOnlyList<string> Path { get; } = ["eval"];

    public string Usage => $"eval {DataOption} FILE {TextColumnOption} C {LabelColumnOption} L [{JsonFlag}] [{ModelOption} DIR]";

    public string Description =>
        "Score the intent model on a labelled .csv/.tsv/.jsonl file: accuracy, macro-F1, per-label F1, ECE, risk-coverage, 'other' auto-eligible share.";

    public Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken ct)
    {
        // --json is a switch; the shared parser only knows options with values.
        var json = args.Contains(JsonFlag, StringComparer.Ordinal);
        var commandLine = CommandLine.Parse(args.Where(a => a != JsonFlag).ToArray(), DataOption, TextColumnOption, LabelColumnOption, ModelOption);
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

        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new { modelVersion = classifier.ModelVersion, data = System.IO.Path.GetFullPath(data), report }, Json));
        }
        else
        {
            context.Out.WriteLine($"model: {classifier.ModelVersion}");
            context.Out.WriteLine($"data:  {System.IO.Path.GetFullPath(data)} ({rows.Count} rows)");
            context.Out.Write(report.ToText());
        }

        return Task.FromResult(ExitCodes.Success);
    }

    private static string Required(CommandLine commandLine, string option) =>
        commandLine.Option(option) is { Length: > 0 } value ? value : throw new UsageException($"{option} is required");
}
