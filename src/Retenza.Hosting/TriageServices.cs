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
        // One ONNX session per process: it is large to load and safe to share between threads.
        services.TryAddSingleton<ISentenceEmbedder>(_ => new MiniLmSentenceEmbedder());
        services.TryAddSingleton<IIntentClassifier>(sp => CreateIntentClassifier(settings, sp));
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

    /// <summary>
    /// The cascade (n-gram model, then sentence embeddings in its uncertain band) when the second stage
    /// is enabled and its head was trained; otherwise the n-gram model alone, saying why in the log.
    /// </summary>
    internal static IIntentClassifier CreateIntentClassifier(TriageSettings settings, IServiceProvider services)
    {
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(typeof(TriageServices).FullName!) ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var directory = settings.ResolvedIntentModelDirectory;
        var ngram = NgramIntentClassifier.Load(directory);
        if (!settings.SecondStage)
        {
            logger.LogInformation("Intent second stage disabled (Retenza:Triage:SecondStage = false): n-gram model alone");
            return ngram;
        }

        var head = Path.Combine(directory, EmbeddingIntentHead.FileName);
        if (!File.Exists(head))
        {
            logger.LogWarning("No embedding head at {Path} (run 'retenza train'): intent classification uses the n-gram model alone", head);
            return ngram;
        }

        var stage = EmbeddingIntentStage.Load(head, services.GetRequiredService<ISentenceEmbedder>());
        return new CascadeIntentClassifier(ngram, stage, stage.Head.Info.Band, stage.Head.Info.NgramWeight);
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
