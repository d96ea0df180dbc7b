using System.Text.Json;
using Retenza.Cli;
using Retenza.Triage.Training;

namespace Retenza.UnitTests.Triage.Training;

/// <summary><c>retenza eval</c> and <c>retenza train</c> run in-process: argument errors and a small real evaluation.</summary>
public sealed class OperatorCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("retenza-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await Retenza.Cli.Program.RunAsync(args, stdout, stderr, _ => null);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData("--text-column", "text", "--label-column", "intent")]
    [InlineData("--data", "x.tsv", "--label-column", "intent")]
    [InlineData("--data", "x.tsv", "--text-column", "text")]
    public async Task Eval_without_a_required_option_is_a_usage_error(params string[] args)
    {
        var (exit, _, error) = await Run(["eval", .. args]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("is required", error);
        Assert.Contains("usage: retenza eval --data FILE", error);
    }

    [Fact]
    public async Task Eval_of_a_missing_file_or_with_unknown_options_is_a_usage_error()
    {
        var missing = await Run("eval", "--data", Path.Combine(_directory, "none.tsv"), "--text-column", "text", "--label-column", "intent");
        var unknown = await Run("eval", "--data", "a.tsv", "--text-column", "text", "--label-column", "intent", "--verbose", "1");
        var stray = await Run("eval", "stray", "--data", "a.tsv", "--text-column", "text", "--label-column", "intent");

        Assert.Equal((ExitCodes.Usage, ExitCodes.Usage, ExitCodes.Usage), (missing.Exit, unknown.Exit, stray.Exit));
        Assert.Contains("not found", missing.Error);
        Assert.Contains("unknown option '--verbose'", unknown.Error);
        Assert.Contains("unexpected argument 'stray'", stray.Error);
    }

    [Fact]
    public async Task Eval_with_a_wrong_column_or_model_fails_and_says_why()
    {
        var data = Write("a.tsv", "intent\ttext\ntrack_order\twhere is my parcel\n");

        var column = await Run("eval", "--data", data, "--text-column", "body", "--label-column", "intent", "--model", RepositoryFiles.ModelDirectory);
        var model = await Run("eval", "--data", data, "--text-column", "text", "--label-column", "intent", "--model", _directory);

        Assert.Equal(ExitCodes.Failure, column.Exit);
        Assert.Contains("no column 'body'", column.Error);
        Assert.Equal(ExitCodes.Failure, model.Exit);
        Assert.Contains("no intent model", model.Error);
    }

    [Fact]
    public async Task Eval_prints_the_metrics_and_reports_labels_outside_the_taxonomy()
    {
        var data = Write("mail.csv",
            "body,gold\n" +
            "\"Hi, where is my parcel? It shipped last week.\",track_order\n" +
            "\"Please cancel my order, I ordered it by mistake\",cancel_order\n" +
            "\"what's the capital of Peru\",other\n" +
            "\"my refund please\",refund_please\n");

        var (exit, output, _) = await Run("eval", "--data", data, "--text-column", "body", "--label-column", "gold", "--model", RepositoryFiles.ModelDirectory);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("rows scored:       3", output);
        Assert.Contains("macro-F1:", output);
        Assert.Contains("ECE (10 bins):", output);
        Assert.Contains("risk-coverage", output);
        Assert.Contains("     0.99", output);
        Assert.Contains("'other' rows:      1", output);
        Assert.Contains("refund_please (1)", output);
        Assert.Contains("model: intent-ngram-", output);
        Assert.Contains("auto tier (whole pipeline, default policy, first contact):", output);
        Assert.Contains("| order in transit | 3 |", output);
    }

    [Fact]
    public async Task Eval_json_output_is_one_parseable_document()
    {
        var data = Write("mail.jsonl", "{\"t\":\"where is my parcel\",\"l\":\"track_order\"}\n{\"t\":\"tell me a joke\",\"l\":\"other\"}\n");

        var (exit, output, _) = await Run("eval", "--data", data, "--text-column", "t", "--label-column", "l", "--json", "--model", RepositoryFiles.ModelDirectory);

        Assert.Equal(ExitCodes.Success, exit);
        using var document = JsonDocument.Parse(output);
        var report = document.RootElement.GetProperty("report");
        Assert.Equal(2, report.GetProperty("rows").GetInt32());
        Assert.Equal(7, report.GetProperty("riskCoverage").GetArrayLength());
        Assert.Equal(10, report.GetProperty("calibrationBins").GetArrayLength());
        Assert.Equal(1, report.GetProperty("otherRows").GetInt32());
        Assert.StartsWith("intent-ngram-", document.RootElement.GetProperty("modelVersion").GetString());
        var autoTier = document.RootElement.GetProperty("autoTier");
        Assert.Equal(OrderCondition.All.Count, autoTier.GetArrayLength());
        Assert.All(autoTier.EnumerateArray(), tier => Assert.Equal(2, tier.GetProperty("rows").GetInt32()));
        Assert.Equal(0, autoTier[0].GetProperty("humanOnlyAuto").GetInt32());
    }

    [Fact]
    public async Task Train_without_the_data_directory_fails_with_a_clear_message()
    {
        var (exit, _, error) = await Run("train", "--data-dir", Path.Combine(_directory, "no-data"), "--out", Path.Combine(_directory, "out"));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("data directory", error);
        Assert.Contains("--data-dir", error);
        Assert.False(Directory.Exists(Path.Combine(_directory, "out")));
    }

    [Fact]
    public async Task Train_with_a_bad_seed_or_incomplete_data_fails()
    {
        var seed = await Run("train", "--data-dir", _directory, "--seed", "abc");
        var incomplete = await Run("train", "--data-dir", _directory, "--out", Path.Combine(_directory, "out"));

        Assert.Equal(ExitCodes.Usage, seed.Exit);
        Assert.Contains("--seed must be a whole number", seed.Error);
        Assert.Equal(ExitCodes.Failure, incomplete.Exit);
        Assert.Contains("missing dataset file", incomplete.Error);
    }
}
