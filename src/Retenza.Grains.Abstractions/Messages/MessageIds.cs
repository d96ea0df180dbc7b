namespace Retenza.Messages;

public static class MessageIds
{
    /// <summary>
    /// RFC 5322 ids travel as "&lt;local@domain&gt;" in headers but platforms often send them bare;
    /// both spellings must dedupe and thread as one message.
    /// </summary>
    public static string Normalize(string messageId) => messageId.Trim().TrimStart('<').TrimEnd('>').Trim();
}
