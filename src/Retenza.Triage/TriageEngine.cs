using Retenza.Triage.Confidence;
using Retenza.Triage.Drafts;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.Triage.Reading;
using Retenza.Triage.Routing;
using Retenza.Triage.Rules;
using Retenza.Triage.Sentiment;
using Retenza.Triage.Summaries;

namespace Retenza.Triage;

/// <summary>
/// The triage pipeline of SPEC §4, stage by stage: read → language → intent → sentiment → order →
/// rules (with customer history) → draft → confidence → route. Each stage is a replaceable
/// component; this class only sequences them and keeps every intermediate result for the briefing.
/// </summary>
public sealed class TriageEngine(
    IEmailReader reader,
    IIntentClassifier classifier,
    ISentimentAnalyzer sentiment,
    OrderLookupResolver orders,
    IRuleEngine rules,
    IDraftWriter drafts,
    ConfidenceScorer confidence,
    TriageRouter router,
    TimeProvider time) : ITriagePipeline
{
    /// <summary>The default offline components around <paramref name="classifier"/> (what silos register, minus DI).</summary>
    public static TriageEngine CreateDefault(IIntentClassifier classifier, TimeProvider time) => new(
        new EmailReader(new LanguageDetector()),
        classifier,
        new LexiconSentimentAnalyzer(),
        new OrderLookupResolver(new OrderReferenceFinder()),
        new RuleEngine(),
        new TemplateDraftWriter(),
        new ConfidenceScorer(),
        new TriageRouter(),
        time);

    public async ValueTask<TriageResult> TriageAsync(TriageRequest request, CancellationToken cancellationToken = default)
    {
        var policy = request.Policy;
        var email = reader.Read(request.Subject, request.Text, request.Html, request.Attachments);

        // The subject often carries the whole request ("Broken vase", "THIRD TIME WRITING"), so both stages read it.
        var ownWords = string.IsNullOrWhiteSpace(email.Subject) ? email.ScoringText : $"{email.Subject}\n{email.ScoringText}";
        var intent = classifier.Classify(ownWords);
        var feeling = sentiment.Analyze(ownWords);
        var order = await orders.ResolveAsync(request.OrderId, email.Subject, email.ScoringText, request.FromEmail, policy, request.Orders, cancellationToken);

        var reasons = rules.Evaluate(new RuleInput(email, intent, feeling, order, request.Customer, policy, time.GetUtcNow()));
        var draft = await drafts.WriteAsync(new DraftInput(email, request.FromName ?? "", intent, order, request.Customer, policy), cancellationToken);
        var score = confidence.Score(new ConfidenceInput(intent, email.Language, order, draft, policy));
        var decision = router.Route(new RoutingInput(intent, score, draft, reasons, policy));

        var summary = SummaryWriter.Write(intent, order, feeling, email.Subject);
        var customer = reasons.Any(r => r.Code == ReasonCodes.RepeatContact) ? request.Customer with { RepeatContact = true } : request.Customer;
        return new TriageResult(summary, decision.Route, decision.Queue, decision.Priority, decision.Reasons, classifier.ModelVersion, policy.Version)
        {
            Assessment = new TriageAssessment(summary, intent, email.Language.Code, feeling, order, customer, draft, score, email.Attachments),
        };
    }
}
