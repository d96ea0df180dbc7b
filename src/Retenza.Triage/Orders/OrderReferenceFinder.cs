using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Retenza.Triage.Orders;

/// <summary>
/// Finds order references in an email with the tenant's pattern (<c>TriagePolicy.OrderReferencePattern</c>).
/// The pattern is the tenant's input, so it is compiled once per distinct pattern, run with a match
/// timeout, and an invalid or runaway pattern is reported in the scan instead of failing triage.
/// Matching ignores case (customers type "rt-10006"); a group named <c>id</c>, when the pattern has
/// one, is the reference, otherwise the whole match is.
/// </summary>
public sealed class OrderReferenceFinder(TimeSpan matchTimeout, int maxCachedPatterns = 1024)
{
    /// <summary>
    /// Far above an honest pattern's cost (about 10 ms for a 250 KB email on a busy 2-core machine),
    /// so only a runaway pattern hits it: a spurious timeout would hide the customer's order from triage.
    /// </summary>
    public static readonly TimeSpan DefaultMatchTimeout = TimeSpan.FromMilliseconds(200);

    private const string IdGroup = "id";

    private readonly TimeSpan _matchTimeout = matchTimeout > TimeSpan.Zero && matchTimeout <= TimeSpan.FromMinutes(1)
        ? matchTimeout
        : throw new ArgumentOutOfRangeException(nameof(matchTimeout), matchTimeout, "A finite, positive match timeout is what keeps a tenant's pattern from stalling triage.");

    private readonly ConcurrentDictionary<string, CompiledPattern> _patterns = new(StringComparer.Ordinal);

    public OrderReferenceFinder()
        : this(DefaultMatchTimeout)
    {
    }

    public OrderReferenceScan Find(string pattern, string? subject, string? text)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return OrderReferenceScan.Empty; // no pattern configured: the tenant does not use text references
        }

        var compiled = Compile(pattern);
        if (compiled.Regex is null)
        {
            return new OrderReferenceScan([], compiled.Error);
        }

        var references = new List<string>();
        var problems = new List<string>();
        foreach (var part in new[] { subject, text })
        {
            if (!string.IsNullOrEmpty(part) && !Scan(compiled.Regex, part, references, problems))
            {
                break;
            }
        }

        return new OrderReferenceScan(references, problems.Count == 0 ? null : string.Join("; ", problems));
    }

    /// <summary>False when the pattern timed out: what was found before stays, the rest of the email is not read.</summary>
    private bool Scan(Regex regex, string input, List<string> references, List<string> problems)
    {
        try
        {
            for (var match = regex.Match(input); match.Success; match = match.NextMatch())
            {
                var value = match.Groups[IdGroup] is { Success: true } id ? id.Value : match.Value;
                if (value.Length == 0)
                {
                    continue;
                }

                var reference = OrderReference.Normalize(value);
                if (!OrderReference.IsValid(reference))
                {
                    problems.Add($"ignored '{Quote(value)}': not a valid order id");
                }
                else if (!references.Contains(reference))
                {
                    references.Add(reference);
                }
            }

            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            problems.Add($"order reference pattern timed out after {_matchTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms; the rest of the email was not searched");
            return false;
        }
    }

    private CompiledPattern Compile(string pattern)
    {
        if (_patterns.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        // Patterns change only when a tenant edits its policy; dropping the cache on overflow is simpler than LRU.
        if (_patterns.Count >= maxCachedPatterns)
        {
            _patterns.Clear();
        }

        return _patterns.GetOrAdd(pattern, p =>
        {
            Regex regex;
            try
            {
                regex = new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, _matchTimeout);
            }
            catch (ArgumentException e)
            {
                return new CompiledPattern(null, $"order reference pattern '{Quote(p)}' is invalid: {e.Message}");
            }

            // The first match JIT-compiles the pattern's code, which counts against the timeout: do it here, not on an email.
            try
            {
                regex.IsMatch("");
            }
            catch (RegexMatchTimeoutException)
            {
                // A stalled machine, not the pattern: the code is compiled all the same.
            }

            return new CompiledPattern(regex, null);
        });
    }

    private static string Quote(string value) => value.Length <= 80 ? value : value[..77] + "...";

    private sealed record CompiledPattern(Regex? Regex, string? Error);
}
