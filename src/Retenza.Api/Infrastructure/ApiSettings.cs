namespace Retenza.Api.Infrastructure;

/// <summary>"Retenza:Api": limits of the HTTP surface.</summary>
public sealed class ApiSettings
{
    public const string SectionName = "Retenza:Api";

    /// <summary>Largest accepted message body; larger ones get 413 and are not stored.</summary>
    public int MaxMessageBytes { get; set; } = 256 * 1024;
}
