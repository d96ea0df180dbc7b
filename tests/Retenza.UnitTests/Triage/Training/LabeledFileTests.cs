using Retenza.Triage.Training;

namespace Retenza.UnitTests.Triage.Training;

public sealed class LabeledFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("retenza-labeled-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Csv_fields_may_be_quoted_with_commas_new_lines_and_doubled_quotes()
    {
        var path = Write("a.csv", "id,Text,label,notes\r\n1,\"Where is it, \"\"RT-1\"\"?\nThanks\",track_order,x\n2,plain,  other ,\"y\"\n");

        var rows = LabeledFile.Read(path, "text", "LABEL");

        Assert.Equal([new LabeledText("Where is it, \"RT-1\"?\nThanks", "track_order", "a.csv"), new LabeledText("plain", "other", "a.csv")], rows);
    }

    [Fact]
    public void Tsv_and_json_lines_are_read_by_extension()
    {
        var tsv = Write("b.tsv", "intent\ttext\nget_refund\tI want my money back\n\nother\thello there\n");
        var jsonl = Write("c.jsonl", "{\"t\":\"refund me\",\"l\":\"get_refund\"}\n\n{\"l\":\"other\",\"t\":\"hi\",\"extra\":1}\n");

        Assert.Equal(["get_refund", "other"], LabeledFile.Read(tsv, "text", "intent").Select(r => r.Label));
        Assert.Equal(["refund me", "hi"], LabeledFile.Read(jsonl, "t", "l").Select(r => r.Text));
    }

    [Fact]
    public void A_missing_column_names_the_columns_that_exist()
    {
        var path = Write("d.csv", "text,intent\nhi,other\n");

        var error = Assert.Throws<InvalidDataException>(() => LabeledFile.Read(path, "text", "label"));

        Assert.Contains("no column 'label'", error.Message);
        Assert.Contains("text, intent", error.Message);
    }

    [Fact]
    public void Bad_files_fail_with_a_clear_message()
    {
        Assert.Throws<FileNotFoundException>(() => LabeledFile.Read(Path.Combine(_directory, "nope.csv"), "text", "intent"));
        Assert.Contains("unsupported file type", Assert.Throws<InvalidDataException>(() => LabeledFile.Read(Write("e.xlsx", "x"), "text", "intent")).Message);
        Assert.Contains("empty", Assert.Throws<InvalidDataException>(() => LabeledFile.Read(Write("f.csv", ""), "text", "intent")).Message);
        Assert.Contains("fewer than the header", Assert.Throws<InvalidDataException>(() => LabeledFile.Read(Write("g.csv", "a,text,intent\nonly-one\n"), "text", "intent")).Message);
        Assert.Contains("inside a quoted field", Assert.Throws<InvalidDataException>(() => LabeledFile.Read(Write("h.csv", "text,intent\n\"never closed,other\n"), "text", "intent")).Message);
        Assert.Contains("line 2 is not JSON", Assert.Throws<InvalidDataException>(() => LabeledFile.Read(Write("i.jsonl", "{\"text\":\"a\",\"intent\":\"other\"}\n{oops\n"), "text", "intent")).Message);
        Assert.Contains("no property 'intent'", Assert.Throws<InvalidDataException>(() => LabeledFile.Read(Write("j.jsonl", "{\"text\":\"a\"}\n"), "text", "intent")).Message);
    }

    [Fact]
    public void Our_own_example_files_use_only_taxonomy_intents_and_no_evaluation_email_is_a_training_email()
    {
        var authored = LabeledFile.Read(RepositoryFiles.AuthoredIntents, "text", "intent");
        var noisy = LabeledFile.Read(RepositoryFiles.NoisyIntents, "text", "intent");

        Assert.All(authored.Concat(noisy), row => Assert.True(Retenza.Triage.Intents.IntentTaxonomy.IsKnown(row.Label), row.Label));
        Assert.True(noisy.Count >= 250, $"noisy set has {noisy.Count} rows");
        foreach (var intent in Retenza.Triage.Intents.IntentTaxonomy.Commerce)
        {
            Assert.True(authored.Count(r => r.Label == intent) >= 60, intent);
        }

        // No evaluation email may be a training email in other words' clothing (same normalised text), in any noisy set.
        var normalizedAuthored = authored.Select(r => Retenza.Triage.Intents.IntentTextNormalizer.Normalize(r.Text)).ToHashSet();
        var evaluation = RepositoryFiles.NoisySets.SelectMany(file => LabeledFile.Read(file, "text", "intent")).ToList();
        Assert.True(evaluation.Count > noisy.Count);
        Assert.Empty(evaluation.Where(r => normalizedAuthored.Contains(Retenza.Triage.Intents.IntentTextNormalizer.Normalize(r.Text))).Select(r => r.Text));
    }
}
