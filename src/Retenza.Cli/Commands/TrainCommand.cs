using System.Globalization;
using Retenza.Triage.Intents;
using Retenza.Triage.Training;

namespace Retenza.Cli.Commands;

/// <summary><c>retenza train</c>: builds the intent model from the public datasets and our own examples, and writes its model card.</summary>
internal sealed class TrainCommand : ICliCommand
{
    private const string DataDirOption = "--data-dir";
    private const string OutOption = "--out";
    private const string SeedOption = "--seed";
    private const string NgramOnlyFlag = "--ngram-only";

    public IReadOnlyList<string> Path { get; } = ["train"];

    public string Usage => $"train [{DataDirOption} DIR] [{OutOption} DIR] [{SeedOption} N] [{NgramOnlyFlag}]";

    public string Description =>
        "Train the intent models (n-gram, then the embedding head and cascade band unless --ngram-only; data defaults to ../shared/data, output to models/intent) and write models/MODEL_CARD.md.";

    public Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken ct)
    {
        // --ngram-only is a switch; the shared parser only knows options with values.
        var ngramOnly = args.Contains(NgramOnlyFlag, StringComparer.Ordinal);
        var commandLine = CommandLine.Parse(args.Where(a => a != NgramOnlyFlag).ToArray(), DataDirOption, OutOption, SeedOption);
        if (commandLine.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{commandLine.Positionals[0]}'");
        }

        var root = RepositoryPaths.Root();
        var dataDirectory = System.IO.Path.GetFullPath(commandLine.Option(DataDirOption) ?? RepositoryPaths.DefaultDataDirectory(root));
        if (!Directory.Exists(dataDirectory))
        {
            throw new UsageException($"data directory '{dataDirectory}' not found: pass {DataDirOption} DIR pointing at the shared public datasets (bitext/, clinc150/, banking77/)");
        }

        var seedText = commandLine.Option(SeedOption);
        var defaults = new IntentTrainingOptions();
        var seed = defaults.Seed;
        if (seedText is not null && !int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
        {
            throw new UsageException($"{SeedOption} must be a whole number, not '{seedText}'");
        }

        var output = System.IO.Path.GetFullPath(commandLine.Option(OutOption) ?? System.IO.Path.Combine(root, IntentModelLocator.RelativeDirectory));
        var options = new TrainingRunOptions(
            dataDirectory,
            System.IO.Path.Combine(root, "training", "authored", "intents.tsv"),
            System.IO.Path.Combine(root, "training", "eval", "noisy.tsv"),
            output,
            seed,
            defaults with { Seed = seed },
            DateTimeOffset.UtcNow,
            EmbeddingHead: !ngramOnly,
            MoreNoisyFiles: NoisySetFiles.Find(System.IO.Path.Combine(root, "training", "eval")));

        var outcome = TrainingRun.Run(options, context.Error);
        foreach (var set in outcome.Evaluations)
        {
            var r = set.Report;
            var precision = r.AutoEligible.Precision is { } p ? string.Create(CultureInfo.InvariantCulture, $" at precision {p:0.0000}") : string.Empty;
            var other = r.OtherRows > 0 ? string.Create(CultureInfo.InvariantCulture, $", 'other' auto-eligible {r.OtherAutoEligibleShare:P2}") : string.Empty;
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{set.Name}: accuracy {r.Accuracy:0.0000}, macro-F1 {r.MacroF1:0.0000}, ECE {r.ExpectedCalibrationError:0.0000}, auto-eligible {r.AutoEligible.Coverage:P1}{precision}{other}"));
        }

        context.Out.WriteLine($"model {outcome.ModelVersion} written to {outcome.ModelPath}");
        if (outcome.Cascade is { } cascade)
        {
            foreach (var set in cascade.Evaluations)
            {
                var r = set.Report;
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"cascade, {set.Name}: accuracy {r.Accuracy:0.0000}, macro-F1 {r.MacroF1:0.0000}, auto-eligible {r.AutoEligible.Coverage:P1} at precision {r.AutoEligible.Precision ?? 0:0.0000}{(r.OtherRows > 0 ? $", 'other' auto-eligible {r.OtherAutoEligibleShare:P2}" : string.Empty)}"));
            }

            foreach (var latency in cascade.CascadeLatency)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"cascade latency, {latency.Name}: mean {latency.MeanMicroseconds:0} µs, p99 {latency.P99Microseconds:0} µs, second stage {latency.SecondStageShare:P1}"));
            }

            context.Out.WriteLine($"cascade {cascade.Version}, head written to {cascade.HeadPath}");
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
