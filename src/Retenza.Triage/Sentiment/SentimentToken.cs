namespace Retenza.Triage.Sentiment;

internal enum SentimentTokenKind
{
    Word,

    /// <summary>A comma, colon, dash or line break: negation and intensifiers do not reach across it.</summary>
    ClauseBreak,

    /// <summary>., !, ?, ; or a blank line: "but" only shifts weight within its sentence.</summary>
    SentenceBreak,
}

/// <summary>A word or break in the analysed text, by position, so evidence can quote the text exactly.</summary>
internal readonly record struct SentimentToken(int Start, int Length, SentimentTokenKind Kind)
{
    public int End => Start + Length;
}
