using System.Buffers;

namespace Retenza.Triage.Sentiment;

/// <summary>
/// Lexicon sentiment in the manner of VADER, with our own weights (<see cref="SentimentLexicon"/>):
/// each word's weight is flipped by a negation up to three words before it, scaled by intensifiers
/// and dampeners, amplified in ALL CAPS, halved before "but" and raised after it; "!" and "??"
/// push the total further; the sum x is normalised as x / sqrt(x² + 15).
/// Frustration adds points from the score and from phrase signals (<see cref="FrustrationPhrases"/>,
/// shouting, repeated punctuation): 1 is low, 2–3 medium, 4 or more high. Evidence quotes the
/// signal phrases and the words that moved the score, exactly as they appear.
/// </summary>
public sealed class LexiconSentimentAnalyzer(SentimentLexicon lexicon) : ISentimentAnalyzer
{
    /// <summary>Longer texts are read up to here: the customer's point is made by then, and cost stays bounded.</summary>
    public const int MaxCharsRead = 10_000;

    /// <summary>VADER's normalisation constant: a sum of ±4 (one strong word) maps to about ±0.7.</summary>
    private const double NormalisationAlpha = 15;

    /// <summary>Lexicon weights are in [-1, 1]; the normalisation expects VADER's [-4, 4] scale.</summary>
    private const double RawScale = 4;

    private const double ExclamationEmphasis = 0.292;
    private const int MaxExclamations = 4;
    private const double QuestionEmphasis = 0.18;
    private const double ManyQuestionsEmphasis = 0.96;

    /// <summary>Score thresholds that add 1, 2 or 3 frustration points.</summary>
    private const double LowScore = -0.25;
    private const double MediumScore = -0.8;
    private const double HighScore = -0.92;

    /// <summary>A clearly positive or polite (grateful, apologetic) message takes one point off, unless it threatens.</summary>
    private const double PoliteScore = 0.25;

    private const int LowPoints = 1;
    private const int MediumPoints = 2;
    private const int HighPoints = 4;

    /// <summary>Signals worth less than this only amplify: they count when the message is not positive.</summary>
    private const int SubstantivePoints = 2;

    private const int MaxEvidence = 8;
    private const int MaxScoreEvidence = 3;

    /// <summary>A word in capitals counts as shouting at this length, if it carries sentiment of at least <see cref="ShoutedWordWeight"/>.</summary>
    private const int ShoutedWordLength = 4;
    private const double ShoutedWordWeight = 0.3;

    /// <summary>A run of capitalised words counts as shouting with this many words and letters.</summary>
    private const int ShoutedRunWords = 3;
    private const int ShoutedRunLetters = 10;

    /// <summary>Everyday words that show a capitalised run is a sentence, not a list of acronyms or product codes.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ShoutedWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "i", "my", "me", "you", "your", "the", "is", "are", "was", "this", "it", "and", "to", "of", "where", "why",
        "what", "how", "now", "want", "need", "still", "never", "again", "money", "back", "order", "refund", "have",
        "has", "do", "did", "please", "we", "our", "get", "give", "send", "paid", "pay", "stop", "all", "just",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    public LexiconSentimentAnalyzer() : this(SentimentLexicon.Default)
    {
    }

    public SentimentReading Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxCharsRead)
        {
            text = text[..MaxCharsRead];
        }

        var lowered = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            var lower = lowered.AsSpan(0, text.Length);
            text.AsSpan().ToLowerInvariant(lower);
            lower.Replace('\u2019', '\'');

            var tokens = new List<SentimentToken>(text.Length / 4);
            SentimentTokenizer.Tokenize(text, tokens);

            var contributions = new List<Contribution>();
            var sum = ScoreWords(text, lower, tokens, contributions);
            sum += Emphasis(text, sum);
            var score = Math.Round(sum / Math.Sqrt(sum * sum + NormalisationAlpha), 3);

            var signals = new List<FrustrationSignal>();
            FrustrationPhrases.Find(text, signals);
            FindShouting(text, lower, tokens, signals);
            FindRepeatedPunctuation(text, signals);

            var counted = CountedSignals(signals, score);
            var level = Level(score, counted, Politeness.IsPolite(text));
            return new SentimentReading(score, level, Evidence(text, score, counted, contributions));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(lowered);
        }
    }

    /// <summary>A word's signed contribution to the raw sum, and the span it covers with its modifiers.</summary>
    private readonly record struct Contribution(int Start, int End, double Value);

    private double ScoreWords(string text, ReadOnlySpan<char> lower, List<SentimentToken> tokens, List<Contribution> contributions)
    {
        var sum = 0.0;
        var sentenceStart = 0;
        while (sentenceStart < tokens.Count)
        {
            var sentenceEnd = sentenceStart;
            var but = -1;
            while (sentenceEnd < tokens.Count && tokens[sentenceEnd].Kind != SentimentTokenKind.SentenceBreak)
            {
                if (but < 0 && tokens[sentenceEnd].Kind == SentimentTokenKind.Word && SentimentModifiers.IsBut(Word(lower, tokens[sentenceEnd])))
                {
                    but = sentenceEnd;
                }

                sentenceEnd++;
            }

            for (var i = sentenceStart; i < sentenceEnd; i++)
            {
                if (tokens[i].Kind != SentimentTokenKind.Word || WordValue(text, lower, tokens, sentenceStart, i) is not { } contribution)
                {
                    continue;
                }

                var butFactor = but < 0 ? 1 : i < but ? SentimentModifiers.BeforeButFactor : SentimentModifiers.AfterButFactor;
                contribution = contribution with { Value = contribution.Value * butFactor * RawScale };
                contributions.Add(contribution);
                sum += contribution.Value;
            }

            sentenceStart = sentenceEnd + 1;
        }

        return sum;
    }

    /// <summary>The weight of word <paramref name="index"/> after negation, intensity and capitals, or null when it carries none.</summary>
    private Contribution? WordValue(string text, ReadOnlySpan<char> lower, List<SentimentToken> tokens, int sentenceStart, int index)
    {
        var token = tokens[index];
        var word = Word(lower, token);
        var hasWeight = lexicon.TryGetWeight(word, out var weight);
        var isExpectation = !hasWeight && SentimentModifiers.IsExpectation(word);
        if (!hasWeight && !isExpectation)
        {
            return null;
        }

        var intensity = 0.0;
        var negatedAt = -1;
        var start = token.Start;
        for (int k = index - 1, distance = 1; k >= sentenceStart && distance <= SentimentModifiers.Scope; k--, distance++)
        {
            if (tokens[k].Kind != SentimentTokenKind.Word)
            {
                break;
            }

            var before = Word(lower, tokens[k]);
            var beforeThat = k - 1 >= sentenceStart && tokens[k - 1].Kind == SentimentTokenKind.Word ? Word(lower, tokens[k - 1]) : [];
            if (negatedAt < 0 && SentimentModifiers.IsNegation(before, beforeThat))
            {
                negatedAt = distance;
                start = tokens[k].Start;
            }

            var change = SentimentModifiers.IntensityOf(before, beforeThat);
            if (change != 0)
            {
                intensity += change * SentimentModifiers.DistanceDecay[distance - 1];
                start = Math.Min(start, tokens[k].Start);
            }
        }

        if (isExpectation)
        {
            if (negatedAt < 0 || negatedAt > SentimentModifiers.ExpectationScope)
            {
                return null;
            }

            weight = SentimentModifiers.UnmetExpectationWeight;
        }
        else if (negatedAt > 0)
        {
            weight *= weight > 0 ? SentimentModifiers.NegatedPositiveFactor : SentimentModifiers.NegatedNegativeFactor;
        }

        weight *= Math.Max(0, 1 + intensity);
        if (IsShouted(text.AsSpan(token.Start, token.Length)))
        {
            weight *= SentimentModifiers.ShoutingFactor;
        }

        return weight == 0 ? null : new Contribution(start, token.End, weight);
    }

    /// <summary>VADER's punctuation emphasis: exclamation marks and repeated question marks push the score further the way it already leans.</summary>
    private static double Emphasis(string text, double sum)
    {
        if (sum == 0)
        {
            return 0;
        }

        var exclamations = Math.Min(MaxExclamations, text.AsSpan().Count('!'));
        var questions = text.AsSpan().Count('?');
        var emphasis = exclamations * ExclamationEmphasis +
                       (questions <= 1 ? 0 : questions <= 3 ? questions * QuestionEmphasis : ManyQuestionsEmphasis);
        return Math.Sign(sum) * emphasis;
    }

    /// <summary>
    /// Shouting is a capitalised word that carries sentiment ("UNACCEPTABLE") or a run of capitalised
    /// words with ordinary words in it ("WHERE IS MY ORDER"); acronyms alone (UPS, DHL, SKU) are not.
    /// </summary>
    private void FindShouting(string text, ReadOnlySpan<char> lower, List<SentimentToken> tokens, List<FrustrationSignal> signals)
    {
        int runStart = -1, runEnd = 0, runWords = 0, runLetters = 0;
        bool loudWord = false, ordinaryWords = false;
        for (var i = 0; i <= tokens.Count; i++)
        {
            var token = i < tokens.Count ? tokens[i] : default;
            var isWord = i < tokens.Count && token.Kind == SentimentTokenKind.Word;
            if (isWord && IsShouted(text.AsSpan(token.Start, token.Length)))
            {
                var word = Word(lower, token);
                var weighty = lexicon.TryGetWeight(word, out var weight) && Math.Abs(weight) >= ShoutedWordWeight;
                loudWord |= weighty && token.Length >= ShoutedWordLength;
                ordinaryWords |= weighty || ShoutedWords.Contains(word) || SentimentModifiers.IsNegation(word, []);
                runStart = runStart < 0 ? token.Start : runStart;
                runEnd = token.End;
                runWords++;
                runLetters += token.Length;
                continue;
            }

            // "I", "A" and commas inside capitals ("WHERE IS IT, I PAID") keep a run going.
            var bridge = isWord ? token.Length == 1 && char.IsUpper(text[token.Start]) : i < tokens.Count && token.Kind == SentimentTokenKind.ClauseBreak;
            if (runStart >= 0 && bridge)
            {
                continue;
            }

            var longRun = runWords >= ShoutedRunWords && runLetters >= ShoutedRunLetters && ordinaryWords;
            if (runStart >= 0 && (loudWord || longRun))
            {
                signals.Add(new FrustrationSignal(FrustrationSignalKind.Shouting, 2, runStart, runEnd - runStart));
            }

            runStart = -1;
            runWords = runLetters = 0;
            loudWord = ordinaryWords = false;
        }
    }

    private static void FindRepeatedPunctuation(string text, List<FrustrationSignal> signals)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('!' or '?'))
            {
                continue;
            }

            var end = i;
            while (end < text.Length && text[end] is '!' or '?')
            {
                end++;
            }

            if (end - i >= 2)
            {
                // Quote the word before the marks too: "order???" says more than "???".
                var start = i;
                while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
                {
                    start--;
                }

                signals.Add(new FrustrationSignal(FrustrationSignalKind.RepeatedPunctuation, 1, start, end - start));
            }

            i = end;
        }
    }

    /// <summary>
    /// The signals that count. Shouting and "!!" amplify: they count when the message is not
    /// positive. Other weak signals (a lone "again") count when it is negative. Anything counts when
    /// a substantive signal fired too. A phrase inside a longer one of the same kind counts once.
    /// </summary>
    private static List<FrustrationSignal> CountedSignals(List<FrustrationSignal> signals, double score)
    {
        signals.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var distinct = new List<FrustrationSignal>(signals.Count);
        foreach (var signal in signals)
        {
            var inside = distinct.Exists(kept => kept.Kind == signal.Kind &&
                                                 signal.Start >= kept.Start && signal.Start + signal.Length <= kept.Start + kept.Length);
            if (!inside)
            {
                distinct.Add(signal);
            }
        }

        var substantive = distinct.Exists(IsSubstantive);
        return substantive ? distinct : distinct.FindAll(signal => IsAmplifier(signal) ? score <= 0 : score < 0);
    }

    private static bool IsAmplifier(FrustrationSignal signal) =>
        signal.Kind is FrustrationSignalKind.Shouting or FrustrationSignalKind.RepeatedPunctuation;

    private static bool IsSubstantive(FrustrationSignal signal) => signal.Points >= SubstantivePoints && !IsAmplifier(signal);

    private static FrustrationLevel Level(double score, List<FrustrationSignal> signals, bool polite)
    {
        var points = score <= HighScore ? 3 : score <= MediumScore ? 2 : score <= LowScore ? 1 : 0;

        // Per kind: its strongest phrase, plus one if it said so more than once.
        var kinds = 0;
        foreach (var group in signals.GroupBy(signal => signal.Kind))
        {
            points += group.Max(signal => signal.Points) + (group.Count() > 1 ? 1 : 0);
            kinds++;
        }

        if (kinds >= 2)
        {
            points++;
        }

        if ((polite || score >= PoliteScore) && !signals.Exists(signal => signal.Kind == FrustrationSignalKind.Threat))
        {
            points--;
        }

        return points >= HighPoints ? FrustrationLevel.High
            : points >= MediumPoints ? FrustrationLevel.Medium
            : points >= LowPoints ? FrustrationLevel.Low
            : FrustrationLevel.None;
    }

    private static List<string> Evidence(string text, double score, List<FrustrationSignal> signals, List<Contribution> contributions)
    {
        var spans = signals.Select(signal => (signal.Start, End: signal.Start + signal.Length)).ToList();

        // The words that pushed the score the way it went, strongest first.
        var sign = Math.Sign(score);
        spans.AddRange(contributions
            .Where(contribution => sign != 0 && Math.Sign(contribution.Value) == sign)
            .OrderByDescending(contribution => Math.Abs(contribution.Value))
            .Take(MaxScoreEvidence)
            .Select(contribution => (contribution.Start, contribution.End)));

        var evidence = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (start, end) in spans.OrderBy(span => span.Start))
        {
            if (spans.Any(other => other != (start, end) && other.Start <= start && other.End >= end && other.End - other.Start > end - start))
            {
                continue;
            }

            var phrase = text[start..end].Trim();
            if (phrase.Length > 0 && seen.Add(phrase) && evidence.Count < MaxEvidence)
            {
                evidence.Add(phrase);
            }
        }

        return evidence;
    }

    private static ReadOnlySpan<char> Word(ReadOnlySpan<char> lower, SentimentToken token) => lower.Slice(token.Start, token.Length);

    /// <summary>A word of two or more letters, all capitals: "NEVER", "NOT". "I" and "A" are not shouting.</summary>
    private static bool IsShouted(ReadOnlySpan<char> word)
    {
        if (word.Length < 2)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }
}
