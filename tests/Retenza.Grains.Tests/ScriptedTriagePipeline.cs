using System.Collections.Concurrent;
using Retenza.Triage;
using Retenza.Triage.Drafts;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;

namespace Retenza.Grains.Tests;

/// <summary>
/// Lets a test choose the route by starting the text with "route:auto" or "route:review";
/// anything else gets the placeholder pipeline, so its behaviour is what the other tests see.
/// An auto route comes with a draft (<see cref="AutoReply"/>), as the real engine's does.
/// Every request is kept by message id, so tests can see what the grains passed to triage.
/// </summary>
public sealed class ScriptedTriagePipeline : ITriagePipeline
{
    public const string AutoReply = "Your order is on its way.";

    private readonly UnavailableTriagePipeline _default = new();

    public static ConcurrentDictionary<string, TriageRequest> Requests { get; } = new();

    private static readonly ConcurrentDictionary<string, bool> FailedOnce = new();

    public async ValueTask<TriageResult> TriageAsync(TriageRequest request, CancellationToken cancellationToken = default)
    {
        Requests[request.MessageId] = request;

        // "fail:once" fails the first triage of that message, as an order lookup on a crashed silo would.
        if (request.Text.Contains("fail:once", StringComparison.Ordinal) && FailedOnce.TryAdd(request.MessageId, true))
        {
            throw new InvalidOperationException("scripted triage failure");
        }

        // The assessment carries the customer context it was given, so tests can see what history triage read.
        var placeholder = await _default.TriageAsync(request, cancellationToken);
        var result = placeholder with { Assessment = new TriageAssessment(placeholder.Summary, null, "en", null, OrderLookup.None, request.Customer, null, null, []) };

        // "prio:N" anywhere sets the priority, so queue-order tests can mix priorities.
        var prio = request.Text.IndexOf("prio:", StringComparison.Ordinal);
        if (prio >= 0)
        {
            result = result with { Priority = request.Text[prio + 5] - '0' };
        }

        // "intent:name" names the intent (the placeholder reads none); "reason:code" escalates with that reason.
        var intent = Marker(request.Text, "intent:") is { } name ? new IntentPrediction(name, 0.99, [], [], "scripted") : null;
        if (Marker(request.Text, "reason:") is { } code)
        {
            return result with
            {
                Route = TriageRoute.Escalate,
                Queue = "priority",
                Reasons = [new TriageReason(code, "scripted", code, [], new Dictionary<string, string>())],
                Assessment = result.Assessment! with { Intent = intent },
            };
        }

        if (intent is not null)
        {
            result = result with { Assessment = result.Assessment! with { Intent = intent } };
        }

        return request.Text switch
        {
            var t when t.StartsWith("route:auto", StringComparison.Ordinal) => result with
            {
                Route = TriageRoute.Auto,
                Queue = null,
                Reasons = [],
                Assessment = new TriageAssessment(result.Summary, intent, "en", null, OrderLookup.None, request.Customer,
                    new Draft(AutoReply, "scripted", "information", [new DraftCheck("slots_filled", true, "")]), null, []),
            },
            var t when t.StartsWith("route:review", StringComparison.Ordinal) => result with { Route = TriageRoute.Review, Queue = "review", Reasons = [] },
            _ => result,
        };
    }

    private static string? Marker(string text, string prefix)
    {
        var at = text.IndexOf(prefix, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + prefix.Length;
        var end = start;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return end > start ? text[start..end] : null;
    }
}
