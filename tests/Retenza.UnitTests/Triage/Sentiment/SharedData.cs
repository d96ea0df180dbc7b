namespace Retenza.UnitTests.Triage.Sentiment;

/// <summary>
/// The repository root and the public datasets beside it (../shared/data), found by walking up
/// from the test binaries; the datasets are never copied into the repository.
/// </summary>
internal static class SharedData
{
    public static string? RepositoryRoot { get; } = FindRepositoryRoot();

    public static string? DataDirectory { get; } = RepositoryRoot is { } root && Directory.Exists(Path.Combine(root, "..", "shared", "data"))
        ? Path.GetFullPath(Path.Combine(root, "..", "shared", "data"))
        : null;

    private static string? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Retenza.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs ../shared/data; skipped, and saying so, where that folder is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.DataDirectory is null)
        {
            Skip = "Needs the public datasets in ../shared/data beside the repository.";
        }
    }
}
