namespace Retenza.Triage.Intents;

/// <summary>Finds the committed model folder (<c>models/intent</c>) from a working directory inside the repository or beside the app.</summary>
public static class IntentModelLocator
{
    public const string RelativeDirectory = "models/intent";

    /// <summary>The first <c>models/intent</c> holding a model, looking in <paramref name="start"/> and its parents; null if none.</summary>
    public static string? Find(string start)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RelativeDirectory);
            if (File.Exists(Path.Combine(candidate, IntentModel.FileName)))
            {
                return candidate;
            }
        }

        return null;
    }
}
