using System.Text.RegularExpressions;

namespace Retenza.Triage.Reading;

/// <summary>
/// Finds where the signature starts at the end of a message: the "-- " delimiter, "Sent from my
/// iPhone"-style lines, legal disclaimers, and a closing sign-off ("Best regards,", "Thanks,")
/// followed only by a few short lines (name, title, phone).
/// </summary>
internal static partial class Signature
{
    /// <summary>A sign-off is only a sign-off this close to the end (counted in non-blank lines after it).</summary>
    private const int MaxLinesAfterSignOff = 6;

    /// <summary>Lines after a sign-off longer than this are text, not a name or a title.</summary>
    private const int MaxSignatureLineLength = 72;

    /// <summary>Names, titles, companies and phone lines are short; a longer line is the customer's text.</summary>
    private const int MaxSignatureLineWords = 6;

    /// <summary>The index of the first signature line, or <c>lines.Count</c> when there is none.</summary>
    public static int FindStart(IReadOnlyList<string> lines)
    {
        var end = lines.Count;
        var firstContent = FirstNonBlank(lines);

        for (var i = 0; i < end; i++)
        {
            var trimmed = lines[i].Trim();
            // RFC 3676's "-- " delimiter (its trailing space is often lost on the way).
            if (trimmed == "--" || MobileFooter().IsMatch(trimmed))
            {
                end = i;
                break;
            }

            // A disclaimer that is the whole message is the customer's text, however odd.
            if (i > firstContent && Disclaimer().IsMatch(trimmed))
            {
                end = i;
                break;
            }
        }

        return FindSignOff(lines, end) ?? end;
    }

    /// <summary>The last sign-off line before <paramref name="end"/> that only short lines follow.</summary>
    private static int? FindSignOff(IReadOnlyList<string> lines, int end)
    {
        var linesAfter = 0;
        for (var i = end - 1; i >= 0; i--)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (SignOff().IsMatch(line))
            {
                return i;
            }

            linesAfter++;
            if (linesAfter > MaxLinesAfterSignOff || line.Length > MaxSignatureLineLength ||
                line.EndsWith('?') || WordCount(line) > MaxSignatureLineWords)
            {
                return null;
            }
        }

        return null;
    }

    private static int WordCount(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static int FirstNonBlank(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return i;
            }
        }

        return lines.Count;
    }

    [GeneratedRegex(@"^(sent from my \S.{0,40}|sent from (outlook|mail|yahoo mail|gmail|aol|protonmail|my)\b.{0,40}|get outlook for (ios|android)\S*|sent via \S.{0,40}|enviado desde mi \S.{0,40}|envoyé de mon \S.{0,40}|von meinem \S.{0,40} gesendet|inviato da(l mio)? \S.{0,40}|enviado do meu \S.{0,40}|verzonden (vanaf|met) mijn \S.{0,40})$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MobileFooter();

    [GeneratedRegex(@"^(\**(confidentiality notice|disclaimer|legal notice)\b|this (e-?mail|message|communication)\b.{0,120}\b(confidential|privileged|intended (solely |only )?for)|the information (contained )?in this (e-?mail|message)|if you (have )?received this (e-?mail|message|communication) in error|please consider the environment before printing)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Disclaimer();

    // A closing word on its own line, optionally followed by a name on the same line ("Thanks, Jane").
    [GeneratedRegex(@"^(?i:best( regards| wishes)?|kind(est)? regards|warm(est)? regards|regards|many thanks|thanks( (so|very) much)?( again)?( in advance)?|thank you( (so|very) much)?( again)?( in advance)?|thx|cheers|sincerely( yours)?|yours( sincerely| truly| faithfully)?|all the best|respectfully|take care|br|rgds|cordialement|bien (à vous|cordialement)|saludos( cordiales)?|un saludo|atentamente|gracias|merci( beaucoup)?|mit freundlichen grüßen|viele grüße|beste grüße|danke|cordiali saluti|saluti|grazie( mille)?|atenciosamente|obrigad[oa]|abraços|met vriendelijke groet(en)?|groeten|bedankt)\s*[,.!]*(\s*[-–,]?\s*\p{Lu}[\p{L}.'-]*(\s+\p{Lu}[\p{L}.'-]*){0,2})?\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex SignOff();
}
