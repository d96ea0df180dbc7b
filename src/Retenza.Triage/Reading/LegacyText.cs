using System.Text;

namespace Retenza.Triage.Reading;

/// <summary>
/// Mail labelled iso-8859-1 is very often really windows-1252 (curly quotes, the euro sign), which
/// decodes to C1 control characters that no real text contains; browsers and mail clients read
/// those as windows-1252, and so do we.
/// </summary>
internal static class LegacyText
{
    private static readonly Encoding Windows1252 = CodePagesEncoding(1252);

    public static string? Repair(string? text)
    {
        if (text is null || !text.AsSpan().ContainsAnyInRange('\u0080', '\u009F'))
        {
            return text;
        }

        var repaired = new StringBuilder(text.Length);
        Span<byte> single = stackalloc byte[1];
        Span<char> decoded = stackalloc char[2];
        foreach (var c in text)
        {
            if (c is >= '\u0080' and <= '\u009F')
            {
                single[0] = (byte)c;
                var count = Windows1252.GetChars(single, decoded);
                repaired.Append(decoded[..count]);
            }
            else
            {
                repaired.Append(c);
            }
        }

        return repaired.ToString();
    }

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
