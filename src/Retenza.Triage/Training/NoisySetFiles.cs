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

    [GeneratedRegex(@"^noisy-(\d+)\.tsv$")]
    private static partial Regex Numbered();
}
