namespace Retenza.Triage.Reading;

/// <summary>The writing system of a letter; every non-Latin one maps to a language code on its own.</summary>
internal enum Script
{
    Other,
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Devanagari,
    Thai,
    Han,
    Kana,
    Hangul,
}

internal static class Scripts
{
    public static Script Of(char c) => c switch
    {
        < 'A' => Script.Other,
        <= 'Z' => Script.Latin,
        >= 'a' and <= 'z' => Script.Latin,
        < '\u00C0' => Script.Other,
        <= '\u024F' => c is '\u00D7' or '\u00F7' ? Script.Other : Script.Latin,
        >= '\u1E00' and <= '\u1EFF' => Script.Latin,
        >= '\u0370' and <= '\u03FF' => Script.Greek,
        >= '\u1F00' and <= '\u1FFF' => Script.Greek,
        >= '\u0400' and <= '\u052F' => Script.Cyrillic,
        >= '\u0590' and <= '\u05FF' => Script.Hebrew,
        >= '\u0600' and <= '\u06FF' => Script.Arabic,
        >= '\u0750' and <= '\u077F' => Script.Arabic,
        >= '\u0900' and <= '\u097F' => Script.Devanagari,
        >= '\u0E00' and <= '\u0E7F' => Script.Thai,
        >= '\u3040' and <= '\u30FF' => Script.Kana,
        >= '\u3400' and <= '\u4DBF' => Script.Han,
        >= '\u4E00' and <= '\u9FFF' => Script.Han,
        >= '\uAC00' and <= '\uD7AF' => Script.Hangul,
        >= '\u1100' and <= '\u11FF' => Script.Hangul,
        _ => Script.Other,
    };
}
