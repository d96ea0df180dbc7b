namespace Retenza.Triage.Sentiment;

/// <summary>
/// Splits text into words (letters with inner apostrophes) and clause/sentence breaks. Runs of
/// letters glued to digits (order numbers, SKUs) are not words. A single line break counts as a
/// clause break unless the line before it was long, which is how hard-wrapped mail looks.
/// </summary>
internal static class SentimentTokenizer
{
    /// <summary>Lines at least this long were probably wrapped by the mail client mid-sentence.</summary>
    private const int WrappedLineLength = 60;

    public static void Tokenize(ReadOnlySpan<char> text, List<SentimentToken> tokens)
    {
        var lineStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && (char.IsLetter(text[i]) || IsInnerApostrophe(text, i)))
                {
                    i++;
                }

                var gluedToDigits = (start > 0 && char.IsDigit(text[start - 1])) || (i < text.Length && char.IsDigit(text[i]));
                if (!gluedToDigits)
                {
                    tokens.Add(new SentimentToken(start, i - start, SentimentTokenKind.Word));
                }

                continue;
            }

            if (char.IsDigit(c))
            {
                // Skip the whole alphanumeric run: "RT10006", "2x", "10am".
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                continue;
            }

            switch (c)
            {
                case '.' or '!' or '?' or ';':
                    AddBreak(tokens, i, SentimentTokenKind.SentenceBreak);
                    break;
                case ',' or ':' or '(' or ')' or '\u2013' or '\u2014':
                    AddBreak(tokens, i, SentimentTokenKind.ClauseBreak);
                    break;
                case '-' when i + 1 < text.Length && text[i + 1] == ' ' && i > 0 && text[i - 1] == ' ':
                    AddBreak(tokens, i, SentimentTokenKind.ClauseBreak);
                    break;
                case '\n':
                    var blankLineNext = text[(i + 1)..].TrimStart(" \t\r").StartsWith('\n');
                    var wrapped = i - lineStart >= WrappedLineLength;
                    if (blankLineNext)
                    {
                        AddBreak(tokens, i, SentimentTokenKind.SentenceBreak);
                    }
                    else if (!wrapped)
                    {
                        AddBreak(tokens, i, SentimentTokenKind.ClauseBreak);
                    }

                    lineStart = i + 1;
                    break;
            }

            i++;
        }
    }

    private static bool IsInnerApostrophe(ReadOnlySpan<char> text, int i) =>
        text[i] is '\'' or '\u2019' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > 0 && char.IsLetter(text[i - 1]);

    /// <summary>Consecutive breaks collapse into the strongest one, so "!!!" is one sentence end.</summary>
    private static void AddBreak(List<SentimentToken> tokens, int position, SentimentTokenKind kind)
    {
        if (tokens.Count > 0 && tokens[^1].Kind != SentimentTokenKind.Word)
        {
            if (kind > tokens[^1].Kind)
            {
                tokens[^1] = tokens[^1] with { Kind = kind };
            }

            return;
        }

        tokens.Add(new SentimentToken(position, 1, kind));
    }
}
