using Retenza.Triage.Training;

namespace Retenza.UnitTests.Triage.Training;

public sealed class NoisySetFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("retenza-noisy-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Numbered_sets_come_in_the_order_they_were_written_and_nothing_else_counts()
    {
        foreach (var name in new[] { "noisy.tsv", "noisy-10.tsv", "noisy-2.tsv", "noisy-9.tsv", "noisy-x.tsv", "noisy-3.csv", "other-4.tsv" })
        {
            File.WriteAllText(Path.Combine(_directory, name), "intent\ttext\n");
        }

        Assert.Equal(["noisy-2.tsv", "noisy-9.tsv", "noisy-10.tsv"], NoisySetFiles.Find(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void A_set_s_note_is_read_from_beside_it_and_a_missing_or_empty_one_is_none()
    {
        var set = Path.Combine(_directory, "noisy-4.tsv");
        File.WriteAllText(Path.Combine(_directory, "noisy-4.note.md"), "  Chose the threshold.\n");
        File.WriteAllText(Path.Combine(_directory, "noisy-5.note.md"), "\n");

        Assert.Equal("Chose the threshold.", NoisySetFiles.Note(set));
        Assert.Null(NoisySetFiles.Note(Path.Combine(_directory, "noisy-5.tsv")));
        Assert.Null(NoisySetFiles.Note(Path.Combine(_directory, "noisy-6.tsv")));
    }

    [Fact]
    public void A_missing_directory_has_no_sets() => Assert.Empty(NoisySetFiles.Find(Path.Combine(_directory, "absent")));
}
