using System.Text.RegularExpressions;

namespace Retenza.Triage.Sentiment;

/// <summary>
/// The phrase rules for frustration, each with its kind and points (4 is enough for high on its
/// own, 2 for medium, 1 for low). Threats and explicit frustration do not count when negated
/// ("I'm not going to sue", "not that it's unacceptable").
/// </summary>
internal static partial class FrustrationPhrases
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>How far before a phrase a negation is looked for, in characters and in words.</summary>
    private const int NegationWindowChars = 40;

    private const int NegationWindowWords = 4;

    private static readonly (Regex Pattern, FrustrationSignalKind Kind, int Points, bool Negatable)[] Rules =
    [
        (NthTime(), FrustrationSignalKind.RepeatContact, 4, false),
        (HowManyTimes(), FrustrationSignalKind.RepeatContact, 4, false),
        (NoOneReplied(), FrustrationSignalKind.RepeatContact, 4, false),
        (ContactedManyTimes(), FrustrationSignalKind.RepeatContact, 4, false),
        (AgainAndAgain(), FrustrationSignalKind.RepeatContact, 3, false),
        (ManyMessages(), FrustrationSignalKind.RepeatContact, 3, false),
        (EarlierContact(), FrustrationSignalKind.RepeatContact, 2, false),
        (Again(), FrustrationSignalKind.RepeatContact, 1, false),
        (StillNot(), FrustrationSignalKind.Waiting, 2, false),
        (NoResponse(), FrustrationSignalKind.Waiting, 2, false),
        (WaitingLong(), FrustrationSignalKind.Waiting, 2, false),
        (StrongFrustration(), FrustrationSignalKind.ExplicitFrustration, 3, true),
        (ClearFrustration(), FrustrationSignalKind.ExplicitFrustration, 2, true),
        (FrustrationWord(), FrustrationSignalKind.ExplicitFrustration, 1, true),
        (LegalThreat(), FrustrationSignalKind.Threat, 4, true),
        (PaymentThreat(), FrustrationSignalKind.Threat, 4, true),
        (BankThreat(), FrustrationSignalKind.Threat, 3, true),
        (ReportThreat(), FrustrationSignalKind.Threat, 4, true),
        (ReviewThreat(), FrustrationSignalKind.Threat, 4, true),
        (StrongProfanity(), FrustrationSignalKind.Profanity, 2, false),
        (MildProfanity(), FrustrationSignalKind.Profanity, 1, false),
    ];

    public static void Find(string text, List<FrustrationSignal> signals)
    {
        foreach (var (pattern, kind, points, negatable) in Rules)
        {
            foreach (var match in pattern.EnumerateMatches(text))
            {
                if (negatable && IsNegated(text, match.Index))
                {
                    continue;
                }

                signals.Add(new FrustrationSignal(kind, points, match.Index, match.Length));
            }
        }
    }

    /// <summary>Whether one of the few words before <paramref name="start"/>, in the same clause, negates it.</summary>
    private static bool IsNegated(string text, int start)
    {
        var window = text.AsSpan(Math.Max(0, start - NegationWindowChars), Math.Min(start, NegationWindowChars));
        var clauseStart = window.LastIndexOfAny(".!?;,\n");
        window = window[(clauseStart + 1)..];

        Span<Range> words = stackalloc Range[16];
        var count = window.SplitAny(words, " \t", StringSplitOptions.RemoveEmptyEntries);
        var previous = ReadOnlySpan<char>.Empty;
        Span<char> lowered = stackalloc char[NegationWindowChars];
        for (var i = Math.Max(0, count - NegationWindowWords - 1); i < count; i++)
        {
            var word = window[words[i]];
            var lower = lowered[..word.Length];
            word.ToLowerInvariant(lower);
            lower.Replace('\u2019', '\'');
            if (i >= count - NegationWindowWords && SentimentModifiers.IsNegation(lower, previous))
            {
                return true;
            }

            previous = lower.ToString();
        }

        return false;
    }

    [GeneratedRegex(@"\b(third|fourth|fifth|sixth|3rd|4th|5th|6th|umpteenth|nth|\d+th) (time|attempt|email|e-mail|message|request|call|try)\b", Options)]
    private static partial Regex NthTime();

    [GeneratedRegex(@"\bhow many (more )?times\b", Options)]
    private static partial Regex HowManyTimes();

    [GeneratedRegex(@"\b(no ?one|no-one|nobody)\b[^.!?\n]{0,25}?\b(replied|responded|answered|gotten back|got back|gets back|get back|called|emailed|contacted|helped|bothered|followed up)\b", Options)]
    private static partial Regex NoOneReplied();

    [GeneratedRegex(@"\b(emailed|e-mailed|written|wrote|contacted|called|messaged|asked|chased|tried|reached out|complained|phoned)\b[^.!?\n]{0,20}?\b(several|multiple|many|numerous|countless|three|four|five|six|\d+) times\b", Options)]
    private static partial Regex ContactedManyTimes();

    [GeneratedRegex(@"\b(yet again|again and again|over and over|time and again|time after time)\b", Options)]
    private static partial Regex AgainAndAgain();

    [GeneratedRegex(@"\b(multiple|several|numerous|countless|three|four|five) (emails|e-mails|messages|calls|attempts|requests|tickets|complaints)\b", Options)]
    private static partial Regex ManyMessages();

    [GeneratedRegex(@"\b((second|2nd) (time|email|message|request|attempt)|once again|(already|previously) (emailed|written|wrote|contacted|called|messaged|asked|reported|told you|sent you)|(keep|kept) (getting|asking|writing|emailing|calling|chasing|having)|follow(ing)?[- ]up on|my (previous|last|earlier) (email|e-mail|message|request))\b", Options)]
    private static partial Regex EarlierContact();

    [GeneratedRegex(@"\bagain\b", Options)]
    private static partial Regex Again();

    [GeneratedRegex(@"\b(still|yet) (waiting|haven't|have not|hasn't|has not|not|no|nothing|don't|do not|didn't|did not|can't|cannot|isn't|is not|without|unresolved|to (receive|hear|get))\b", Options)]
    private static partial Regex StillNot();

    [GeneratedRegex(@"\b((haven't|have not|never|didn't|did not) (heard|hear) back|no (response|reply|replies|answer|update|word|news)( (yet|from|at all|whatsoever))?)\b", Options)]
    private static partial Regex NoResponse();

    [GeneratedRegex(@"\b(waiting|waited)\b[^.!?\n]{0,20}?\b(weeks|months|ages|forever)\b", Options)]
    private static partial Regex WaitingLong();

    [GeneratedRegex(@"\b(fed up|sick (of|and tired)|had enough|last straw|never again|never (order|buy|shop|purchase)\w* (from|with|here|again)|lost (all )?(my )?(patience|trust|faith)|furious|livid|fuming|infuriat\w*|outraged|angry|beyond (frustrated|angry|annoyed))\b", Options)]
    private static partial Regex StrongFrustration();

    [GeneratedRegex(@"\b(waste of (my |our )?(time|money)|wasted (my|so much|hours|days)|(this is|what) an? (absolute |complete )?joke|disgust\w*|disgrace\w*|scam\w*|rip[- ]?off|ripped off|con artists?|thie(f|ves)|liars?|lied to|incompeten\w*|shambles|appall\w*|pissed( off)?|you people|why is it so (hard|difficult)|(a|one) (simple|straight) answer)\b", Options)]
    private static partial Regex ClearFrustration();

    [GeneratedRegex(@"\b(unacceptable|ridiculous|worst|useless|pathetic|outrageous|fraud\w*|annoy\w*|frustrat\w*|irritat\w*|aggravat\w*|exasperat\w*|upset)\b", Options)]
    private static partial Regex FrustrationWord();

    [GeneratedRegex(@"\b(sue|suing|sued|lawsuit|lawyers?|attorneys?|solicitors?|legal (action|proceedings|steps)|take (you|this|it|them|the matter) to court|small claims)\b", Options)]
    private static partial Regex LegalThreat();

    [GeneratedRegex(@"\b(charge ?-?backs?|dispute (the|this|my|a|your) (charge|payment|transaction)|reverse the (charge|payment))\b", Options)]
    private static partial Regex PaymentThreat();

    [GeneratedRegex(@"\b(call|contact|ask|tell|going to) (my|the) (bank|credit card company|card issuer)\b", Options)]
    private static partial Regex BankThreat();

    [GeneratedRegex(@"\b(report (you|this|your company|your store|your shop|it|them) to|bbb|better business bureau|trading standards|consumer (protection|rights|affairs|council)|ombudsman|ftc|attorney general|cfpb)\b", Options)]
    private static partial Regex ReportThreat();

    [GeneratedRegex(@"\b((leave|write|post|give)( you)?( an?)? (bad|negative|terrible|horrible|1[- ]star|one[- ]star|scathing) reviews?|reviews? everywhere|(tell|warn) (everyone|everybody|all my friends)|(post|share|put) (this|it) (on|all over) (social media|twitter|facebook|instagram|tiktok|reddit)|go public)\b", Options)]
    private static partial Regex ReviewThreat();

    [GeneratedRegex(@"\b(f+u+c*k+\w*|f[*#@$]+c?k\w*|f[*#]{2,}k?\w*|sh[i1]t\w*|bullsh\w+|wtf|goddamn\w*|assholes?|bastards?|screw (you|this|that|your)\w*)", Options)]
    private static partial Regex StrongProfanity();

    [GeneratedRegex(@"\b(damn\w*|dammit|crap\w*|bloody|hell|sucks?|wth|freaking|frickin\w*|friggin\w*)\b", Options)]
    private static partial Regex MildProfanity();
}
