namespace Retenza.Triage.Reading;

/// <summary>The bytes are not an email we can read; the message says why, in words fit for an API error.</summary>
public sealed class MimeEmailFormatException : Exception
{
    public MimeEmailFormatException(string message)
        : base(message)
    {
    }

    public MimeEmailFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
