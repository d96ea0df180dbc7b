using Retenza.Triage.Training;

namespace Retenza.UnitTests.Triage.Training;

/// <summary>Files committed in the repository that tests read (our own examples, the committed model).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string AuthoredIntents => Path.Combine(Root, "training", "authored", "intents.tsv");

    public static string NoisyIntents => Path.Combine(Root, "training", "eval", "noisy.tsv");

    /// <summary>All our held-out noisy email sets.</summary>
    public static IReadOnlyList<string> NoisySets =>
        [NoisyIntents, .. NoisySetFiles.Find(Path.Combine(Root, "training", "eval"))];

    public static string ModelDirectory => Path.Combine(Root, "models", "intent");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Retenza.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("tests must run inside the repository (no Retenza.sln above the test binaries)");
    }
}
