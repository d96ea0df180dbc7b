namespace Retenza.Cli.Commands;

/// <summary>Default locations of the operator's files, relative to the repository root (the folder holding Retenza.sln).</summary>
internal static class RepositoryPaths
{
    /// <summary>The nearest folder at or above the current directory that holds Retenza.sln, else the current directory.</summary>
    public static string Root()
    {
        var current = Directory.GetCurrentDirectory();
        for (var directory = new DirectoryInfo(current); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Retenza.sln")))
            {
                return directory.FullName;
            }
        }

        return current;
    }

    /// <summary>The shared public datasets sit beside the repository: <c>../shared/data</c>.</summary>
    public static string DefaultDataDirectory(string root) => Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
}
