namespace Retenza.Triage.Reading;

/// <summary>One address from a From or To header; <see cref="Name"/> is the display name, if any.</summary>
public sealed record MimeMailbox(string Email, string? Name);
