using System.Text;

namespace Retenza.Triage.Reading;

/// <summary>
/// Reads an email for triage: the plain-text body (or the HTML body converted to text) is kept
/// whole as <see cref="EmailDocument.FullText"/>; quoted history and the signature are cut to get
/// <see cref="EmailDocument.ScoringText"/>, the customer's own new words.
/// </summary>
public sealed class EmailReader(ILanguageDetector languageDetector) : IEmailReader
{
    public EmailReader() : this(new LanguageDetector())
    {
    }

    public EmailDocument Read(string subject, string? text, string? html, IReadOnlyList<AttachmentInfo>? attachments = null)
    {
        var body = !string.IsNullOrWhiteSpace(text) ? text
            : !string.IsNullOrWhiteSpace(html) ? HtmlText.ToPlainText(html)
            : "";
        var fullText = Normalize(body);
        var scoringText = OwnWords(fullText);
        var language = languageDetector.Detect(scoringText);
        if (language.Code == LanguageGuess.Undetermined && !string.IsNullOrWhiteSpace(subject))
        {
            // A one-line reply may say too little on its own; the subject is the customer's words too.
            language = languageDetector.Detect(subject + "\n" + scoringText);
        }

        return new EmailDocument((subject ?? "").Trim(), fullText, scoringText, language, attachments ?? []);
    }

    /// <summary>The text without quoted history, quoted lines and signature; the full text when nothing would be left.</summary>
    public static string OwnWords(string fullText)
    {
        var lines = fullText.Split('\n');
        var end = QuotedHistory.FindStart(lines);
        var unquoted = new List<string>(end);
        for (var i = 0; i < end; i++)
        {
            if (!QuotedHistory.IsQuoted(lines[i]))
            {
                unquoted.Add(lines[i]);
            }
        }

        var ownLines = unquoted.Take(Signature.FindStart(unquoted));
        var own = CollapseBlankLines(ownLines).Trim();
        return HasWords(own) ? own : fullText;
    }

    /// <summary>Unix line ends, no trailing spaces, at most one blank line in a row, no leading or trailing blank lines.</summary>
    public static string Normalize(string body)
    {
        var lines = body.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(line => line.TrimEnd());
        return CollapseBlankLines(lines).Trim('\n');
    }

    private static string CollapseBlankLines(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        var blankRun = 0;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                blankRun++;
                continue;
            }

            if (text.Length > 0)
            {
                text.Append('\n', blankRun > 0 ? 2 : 1);
            }

            text.Append(line);
            blankRun = 0;
        }

        return text.ToString();
    }

    private static bool HasWords(string text) => text.Any(char.IsLetterOrDigit);
}
