namespace Retenza.Grains;

public static class StorageNames
{
    /// <summary>The one grain-storage provider; each grain type uses its own state name within it.</summary>
    public const string Default = "retenza";
}
