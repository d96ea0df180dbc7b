using System.Globalization;
using System.Text.RegularExpressions;

namespace Retenza.Triage.Training;

/// <summary>
/// Our later noisy email sets: <c>noisy-2.tsv</c>, <c>noisy-3.tsv</c>, … in an evaluation directory, in the order they
/// were written (by number, so noisy-10 follows noisy-9). A new set is evaluated by training and tests once committed,
/// with nothing to edit.
/// </summary>
public static partial class NoisySetFiles
{
    public static IReadOnlyList<string> Find(string evalDirectory) =>
        Directory.Exists(evalDirectory)
            ? Directory.EnumerateFiles(evalDirectory, "noisy-*.tsv")
                .Select(path => (Path: path, Match: Numbered().Match(System.IO.Path.GetFileName(path))))
                .Where(file => file.Match.Success)
                .OrderBy(file => int.Parse(file.Match.Groups[1].Value, CultureInfo.InvariantCulture))
                .Select(file => file.Path)
                .ToList()
            : [];

    /// <summary>
    /// What a set decided and how far to trust it, from <c>noisy-N.note.md</c> beside <c>noisy-N.tsv</c> (one paragraph,
    /// for the model card); null when there is none.
    /// </summary>
    public static string? Note(string setFile)
    {
        var note = System.IO.Path.ChangeExtension(setFile, ".note.md");
        return File.Exists(note) && File.ReadAllText(note).Trim() is { Length: > 0 } text ? text : null;
    }

    [GeneratedRegex(@"^noisy-(\d+)\.tsv$")]
    private static partial Regex Numbered();
}
