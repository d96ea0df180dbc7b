using System.Buffers;
using System.Text.RegularExpressions;

namespace Retenza.Triage.Rules;

/// <summary>
/// One auditable phrase rule: the reason code it fires, a stable id quoted in the reason's inputs,
/// and the pattern (case-insensitive, matched against text whose curly apostrophes are straightened).
/// </summary>
/// <param name="Negatable">
/// False when the negation is part of the complaint itself: "there is <i>no</i> alt text",
/// "I <i>can't</i> navigate it with a keyboard".
/// </param>
/// <param name="Requires">
/// Words the pattern cannot match without (one of them, any case). The pattern only runs when the
/// text contains one: a vectorised search is far cheaper than a regex that starts at every common
/// verb. Leave it empty unless the words are a mandatory part of the pattern.
/// </param>
public sealed record PhraseRule(string Code, string Id, string Pattern, bool Negatable = true, params IReadOnlyList<string> Requires)
{
    public Regex Regex { get; } = new(Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private readonly SearchValues<string>? required = Requires.Count == 0 ? null : SearchValues.Create([.. Requires], StringComparison.OrdinalIgnoreCase);

    /// <summary>False only when the text lacks every required word, so the pattern cannot match.</summary>
    public bool MayMatch(string text) => required is null || text.AsSpan().IndexOfAny(required) >= 0;
}
