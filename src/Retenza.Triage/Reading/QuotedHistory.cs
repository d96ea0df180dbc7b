using System.Text.RegularExpressions;

namespace Retenza.Triage.Reading;

/// <summary>
/// Finds where earlier messages start in a reply or forward: "On … wrote:" (also wrapped over
/// several lines and in the main European languages), "-----Original Message-----", Outlook
/// "From: / Sent: / To: / Subject:" blocks, Gmail and Apple forward markers.
/// </summary>
internal static partial class QuotedHistory
{
    /// <summary>How many following lines a wrapped "On … wrote:" header may span.</summary>
    private const int MaxHeaderContinuationLines = 3;

    /// <summary>Longer than this, a line ending in "wrote:" is the customer's sentence, not a header.</summary>
    private const int MaxHeaderLength = 300;

    /// <summary>How far below "From:" an Outlook header block still counts as one.</summary>
    private const int OutlookBlockLines = 8;

    /// <summary>The index of the first line of quoted history, or <c>lines.Count</c> when there is none.</summary>
    public static int FindStart(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (Separator().IsMatch(line) || StartsWroteHeader(lines, i) || StartsOutlookBlock(lines, i))
            {
                return i;
            }

            // Outlook puts a rule of underscores above its header block.
            if (Underscores().IsMatch(line) && NextNonBlank(lines, i + 1) is { } next && StartsOutlookBlock(lines, next))
            {
                return i;
            }
        }

        return lines.Count;
    }

    public static bool IsQuoted(string line) => line.TrimStart().StartsWith('>');

    private static bool StartsWroteHeader(IReadOnlyList<string> lines, int index)
    {
        var line = lines[index].Trim();
        if (IsQuoted(line))
        {
            return false;
        }

        if (WroteIntro().IsMatch(line))
        {
            // Gmail and Apple wrap long headers ("… Jane Doe <\njane@example.com> wrote:").
            var joined = line;
            for (var k = 0; k <= MaxHeaderContinuationLines && index + k < lines.Count; k++)
            {
                if (k > 0)
                {
                    joined += " " + lines[index + k].Trim();
                }

                if (joined.Length > MaxHeaderLength)
                {
                    return false;
                }

                if (WroteEnding().IsMatch(joined))
                {
                    return true;
                }
            }

            return false;
        }

        // "Jane Doe <jane@example.com> wrote:" directly above "> " lines.
        return WroteEnding().IsMatch(line) && line.Length <= MaxHeaderLength &&
               NextNonBlank(lines, index + 1) is { } next && IsQuoted(lines[next]);
    }

    private static bool StartsOutlookBlock(IReadOnlyList<string> lines, int index)
    {
        if (!OutlookFrom().IsMatch(lines[index].Trim()))
        {
            return false;
        }

        bool sent = false, toOrSubject = false;
        for (var k = index + 1; k < lines.Count && k <= index + OutlookBlockLines; k++)
        {
            var line = lines[k].Trim();
            sent |= OutlookSent().IsMatch(line);
            toOrSubject |= OutlookToOrSubject().IsMatch(line);
        }

        return sent && toOrSubject;
    }

    private static int? NextNonBlank(IReadOnlyList<string> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return i;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(-{2,}\s*(original message|forwarded message|ursprüngliche nachricht|weitergeleitete nachricht|message d'origine|message transféré|mensaje original|mensaje reenviado|messaggio originale|messaggio inoltrato|mensagem original|mensagem encaminhada|oorspronkelijk bericht|doorgestuurd bericht)\s*-{2,}|begin forwarded message:|début du message réexpédié :?|anfang der weitergeleiteten nachricht:)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^_{10,}$")]
    private static partial Regex Underscores();

    // The opening word of a reply header in English, German, French, Spanish, Italian, Portuguese and Dutch.
    [GeneratedRegex(@"^(on|am|le|el|il|em|op|den)\s+\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WroteIntro();

    [GeneratedRegex(@"\b(wrote|schrieb|a écrit|escribió|ha scritto|scrisse|escreveu|schreef|skrev)\s*:\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WroteEnding();

    [GeneratedRegex(@"^\*?(from|von|de|da|van)\s*:\*?\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutlookFrom();

    [GeneratedRegex(@"^\*?(sent|date|gesendet|datum|envoyé|enviado|inviato|data|verzonden)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutlookSent();

    [GeneratedRegex(@"^\*?(to|subject|an|betreff|à|objet|para|asunto|a|oggetto|assunto|aan|onderwerp)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutlookToOrSubject();
}
