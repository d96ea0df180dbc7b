using System.Text;
using System.Text.RegularExpressions;

namespace Retenza.Triage.Drafts;

/// <summary>
/// Fills a template sentence by sentence. A sentence whose slot has no value is left out rather than
/// guessed; a sentence with an unknown slot or a stray brace is a defect in the template, left out
/// too and reported, so a raw <c>{slot}</c> never reaches a customer.
/// </summary>
public static partial class TemplateRenderer
{
    public sealed record Result(string Text, IReadOnlyList<string> LeftOut, IReadOnlyList<string> Defects);

    public static Result Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var leftOut = new List<string>();
        var defects = new List<string>();
        var lines = new List<string>();
        foreach (var line in template.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var kept = new List<string>();
            foreach (var sentence in SentenceBreak().Split(line.Trim()).Where(s => s.Length > 0))
            {
                if (Fill(sentence, values, out var problem) is { } filled)
                {
                    kept.Add(filled);
                }
                else if (problem.StartsWith("no value", StringComparison.Ordinal))
                {
                    leftOut.Add(problem);
                }
                else
                {
                    defects.Add(problem);
                }
            }

            // A line that lost every sentence disappears; a line that was blank on purpose stays.
            if (kept.Count > 0 || line.Trim().Length == 0)
            {
                lines.Add(string.Join(' ', kept));
            }
        }

        return new Result(Tidy(lines), leftOut, defects);
    }

    /// <returns>The filled sentence, or null with the reason it was left out.</returns>
    private static string? Fill(string sentence, IReadOnlyDictionary<string, string> values, out string problem)
    {
        if (Slot().Replace(sentence, "").IndexOfAny(['{', '}']) >= 0)
        {
            problem = $"malformed slot in \"{sentence}\"";
            return null;
        }

        var builder = new StringBuilder(sentence.Length + 32);
        var last = 0;
        foreach (Match slot in Slot().Matches(sentence))
        {
            var name = slot.Groups["name"].Value;
            if (!SlotValues.Known.Contains(name))
            {
                problem = $"unknown slot {{{name}}} in \"{sentence}\"";
                return null;
            }

            if (!values.TryGetValue(name, out var value))
            {
                if (!slot.Groups["fallback"].Success)
                {
                    problem = $"no value for {{{name}}}: left out \"{sentence}\"";
                    return null;
                }

                value = slot.Groups["fallback"].Value;
            }

            builder.Append(sentence, last, slot.Index - last).Append(value);
            last = slot.Index + slot.Length;
        }

        problem = "";
        return builder.Append(sentence, last, sentence.Length - last).ToString();
    }

    /// <summary>The template's own words, slots removed: what the fact check may trust as written by the tenant.</summary>
    public static string Literal(string template) => Slot().Replace(template, " ");

    private static string Tidy(List<string> lines)
    {
        var text = string.Join('\n', lines);
        return BlankRun().Replace(text, "\n\n").Trim();
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:\|(?<fallback>[^{}]*))?\}")]
    private static partial Regex Slot();

    // Split after sentence punctuation followed by a space; slots never contain spaces, so a slot is never cut.
    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRun();
}
