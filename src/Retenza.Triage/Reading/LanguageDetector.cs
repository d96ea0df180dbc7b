namespace Retenza.Triage.Reading;

/// <summary>
/// Offline language detection in microseconds: a non-Latin script decides on its own (Cyrillic as
/// Russian, or Ukrainian when it has Ukrainian-only letters,
/// Greek, Arabic, Hebrew, Devanagari, Thai, Chinese, Japanese, Korean); Latin text is scored
/// against our hand-written word profiles (<see cref="LanguageProfiles"/>). Tokens with digits,
/// URLs and email addresses are ignored, so order numbers and links do not sway the guess.
/// Too little evidence, or two languages too close, gives <c>und</c>.
/// </summary>
public sealed class LanguageDetector : ILanguageDetector
{
    /// <summary>Only the start of a long email is read: a language shows in its first paragraphs.</summary>
    private const int MaxCharsRead = 4000;

    /// <summary>Below this much profile evidence (about two function words) the text is too short to tell.</summary>
    private const double MinEvidence = 1.5;

    /// <summary>The winner must lead the runner-up by at least this much evidence.</summary>
    private const double MinLead = 1.0;

    /// <summary>A letter only one profiled language uses counts this much, up to <see cref="MaxLetterEvidence"/>.</summary>
    private const double LetterEvidence = 0.5;

    private const double MaxLetterEvidence = 3.0;

    /// <summary>Fewer non-Latin letters than this are too few to name the language of their script.</summary>
    private const int MinScriptLetters = 2;

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WordMasks = BuildWordMasks();

    private static readonly Dictionary<char, int> LetterLanguages = LanguageProfiles.Letters.ToDictionary(
        entry => entry.Letter, entry => Array.IndexOf(LanguageProfiles.Codes, entry.Code));

    public LanguageGuess Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = text.AsSpan(0, Math.Min(text.Length, MaxCharsRead));
        Span<double> evidence = stackalloc double[LanguageProfiles.Codes.Length];
        Span<double> letterEvidence = stackalloc double[LanguageProfiles.Codes.Length];
        Span<int> scriptLetters = stackalloc int[(int)Script.Hangul + 1];
        Span<char> lowered = stackalloc char[32];
        var ukrainianLetters = 0;

        foreach (var chunkRange in source.Split(' '))
        {
            var chunk = source[chunkRange];
            if (IsAddress(chunk))
            {
                continue;
            }

            var skipWords = chunk.ContainsAny(Digits);
            var start = -1;
            for (var i = 0; i <= chunk.Length; i++)
            {
                var c = i < chunk.Length ? chunk[i] : ' ';
                var script = Scripts.Of(c);
                if (script != Script.Other)
                {
                    scriptLetters[(int)script]++;
                    ukrainianLetters += IsUkrainianLetter(c) ? 1 : 0;
                    if (LetterLanguages.TryGetValue(char.ToLowerInvariant(c), out var language))
                    {
                        letterEvidence[language] = Math.Min(MaxLetterEvidence, letterEvidence[language] + LetterEvidence);
                    }
                }

                var inWord = script == Script.Latin || (start >= 0 && IsApostrophe(c));
                if (inWord && start < 0)
                {
                    start = i;
                }
                else if (!inWord && start >= 0)
                {
                    if (!skipWords)
                    {
                        AddWordEvidence(chunk[start..i], lowered, evidence);
                    }

                    start = -1;
                }
            }
        }

        return ScriptGuess(scriptLetters, ukrainianLetters > 0) ?? ProfileGuess(evidence, letterEvidence);
    }

    /// <summary>Letters Ukrainian writes and Russian does not.</summary>
    private static bool IsUkrainianLetter(char c) => c is 'і' or 'ї' or 'є' or 'ґ' or 'І' or 'Ї' or 'Є' or 'Ґ';

    private static LanguageGuess? ScriptGuess(ReadOnlySpan<int> scriptLetters, bool ukrainian)
    {
        var total = 0;
        var best = Script.Other;
        for (var s = (int)Script.Latin; s < scriptLetters.Length; s++)
        {
            total += scriptLetters[s];
            if (s != (int)Script.Latin && (best == Script.Other || scriptLetters[s] > scriptLetters[(int)best]))
            {
                best = (Script)s;
            }
        }

        // Chinese characters inside Japanese text are still Japanese.
        var kana = scriptLetters[(int)Script.Kana];
        var count = best is Script.Han or Script.Kana ? scriptLetters[(int)Script.Han] + kana : scriptLetters[(int)best];
        if (best == Script.Other || count < MinScriptLetters || count * 2 < total)
        {
            return null;
        }

        var code = best switch
        {
            Script.Cyrillic => ukrainian ? "uk" : "ru",
            Script.Greek => "el",
            Script.Arabic => "ar",
            Script.Hebrew => "he",
            Script.Devanagari => "hi",
            Script.Thai => "th",
            Script.Hangul => "ko",
            Script.Kana => "ja",
            _ => kana > 0 ? "ja" : "zh",
        };
        return new LanguageGuess(code, Math.Round((double)count / total, 2));
    }

    private static LanguageGuess ProfileGuess(ReadOnlySpan<double> words, ReadOnlySpan<double> letters)
    {
        int best = -1, second = -1;
        Span<double> evidence = stackalloc double[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            evidence[i] = words[i] + letters[i];
            if (best < 0 || evidence[i] > evidence[best])
            {
                second = best;
                best = i;
            }
            else if (second < 0 || evidence[i] > evidence[second])
            {
                second = i;
            }
        }

        var top = evidence[best];
        var runnerUp = evidence[second];
        if (top < MinEvidence || top - runnerUp < MinLead)
        {
            return new LanguageGuess(LanguageGuess.Undetermined, Math.Round(Math.Min(0.3, top / 10), 2));
        }

        // Sure when the lead is large relative to the winner's evidence and there is enough of it.
        var lead = 1 - runnerUp / top;
        var amount = 1 - Math.Exp(-top / 3);
        return new LanguageGuess(LanguageProfiles.Codes[best], Math.Round(Math.Clamp(0.3 + 0.7 * lead * amount, 0, 0.99), 2));
    }

    private static void AddWordEvidence(ReadOnlySpan<char> word, Span<char> buffer, Span<double> evidence)
    {
        if (word.Length > buffer.Length)
        {
            return;
        }

        var lowered = buffer[..word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            lowered[i] = IsApostrophe(word[i]) ? '\'' : char.ToLowerInvariant(word[i]);
        }

        lowered = lowered.TrimEnd('\'');
        if (AddIfKnown(lowered, evidence))
        {
            return;
        }

        // Elided articles and pronouns: "l'ordine", "j'ai", "qu'il".
        var apostrophe = lowered.IndexOf('\'');
        if (apostrophe > 0)
        {
            AddIfKnown(lowered[..(apostrophe + 1)], evidence);
            AddIfKnown(lowered[(apostrophe + 1)..], evidence);
        }
    }

    private static bool AddIfKnown(ReadOnlySpan<char> word, Span<double> evidence)
    {
        if (!WordMasks.TryGetValue(word, out var mask))
        {
            return false;
        }

        var share = 1.0 / int.PopCount(mask);
        for (var language = 0; language < evidence.Length; language++)
        {
            if ((mask & (1 << language)) != 0)
            {
                evidence[language] += share;
            }
        }

        return true;
    }

    private static bool IsAddress(ReadOnlySpan<char> chunk) =>
        chunk.Contains("://", StringComparison.Ordinal) || chunk.Contains('@') ||
        chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    private static Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> BuildWordMasks()
    {
        var masks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var language = 0; language < LanguageProfiles.Words.Length; language++)
        {
            foreach (var word in LanguageProfiles.Words[language].Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            {
                masks[word] = masks.GetValueOrDefault(word) | (1 << language);
            }
        }

        return masks.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
