using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Retenza.Triage;
using Retenza.Triage.Confidence;
using Retenza.Triage.Drafts;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.Triage.Reading;
using Retenza.Triage.Routing;
using Retenza.Triage.Rules;
using Retenza.Triage.Sentiment;

namespace Retenza.Hosting;

public static class TriageServices
{
    /// <summary>The default, offline, in-process triage components (SPEC §4), each replaceable by registering another first.</summary>
    public static IServiceCollection AddRetenzaTriage(this IServiceCollection services, TriageSettings settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILanguageDetector, LanguageDetector>();
        services.TryAddSingleton<IEmailReader>(sp => new EmailReader(sp.GetRequiredService<ILanguageDetector>()));
        services.TryAddSingleton<IIntentClassifier>(_ => NgramIntentClassifier.Load(settings.ResolvedIntentModelDirectory));
        services.TryAddSingleton<ISentimentAnalyzer>(_ => new LexiconSentimentAnalyzer());
        services.TryAddSingleton<OrderReferenceFinder>();
        services.TryAddSingleton<OrderLookupResolver>();
        services.TryAddSingleton<IRuleEngine>(_ => new RuleEngine());
        services.TryAddSingleton<IDraftWriter, TemplateDraftWriter>();
        services.TryAddSingleton<ConfidenceScorer>();
        services.TryAddSingleton<TriageRouter>();
        services.TryAddSingleton<ITriagePipeline, TriageEngine>();
        services.AddHostedService<TriageWarmUp>();
        return services;
    }

    /// <summary>Loads the models when the process starts, so a missing model fails the start and the first email pays nothing.</summary>
    private sealed class TriageWarmUp(IServiceProvider services, ILogger<TriageWarmUp> logger, TimeProvider time) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var started = time.GetTimestamp();
            var pipeline = services.GetRequiredService<ITriagePipeline>();
            var model = services.GetService<IIntentClassifier>()?.ModelVersion ?? "none";
            logger.LogInformation("Triage ready: {Pipeline}, intent model {ModelVersion}, loaded in {Elapsed} ms",
                pipeline.GetType().Name, model, (int)time.GetElapsedTime(started).TotalMilliseconds);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
