namespace Retenza.Triage.Reading;

/// <summary>An attachment is listed, never stored.</summary>
public sealed record AttachmentInfo(string FileName, string ContentType, long SizeBytes);
