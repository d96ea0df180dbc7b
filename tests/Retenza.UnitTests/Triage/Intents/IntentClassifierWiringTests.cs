using Microsoft.Extensions.DependencyInjection;
using Retenza.Hosting;
using Retenza.Triage.Intents;
using Retenza.UnitTests.Triage.Training;

namespace Retenza.UnitTests.Triage.Intents;

/// <summary>Which intent classifier the host registers: the cascade when the setting asks for it and a head exists, else the n-gram model alone.</summary>
public sealed class IntentClassifierWiringTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("retenza-wiring-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IIntentClassifier Resolve(TriageSettings settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton(SharedEncoder.Value); // reuse the test run's ONNX session
        services.AddRetenzaTriage(settings);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IIntentClassifier>();
    }

    [Fact]
    public void The_setting_turns_the_cascade_on_when_the_head_exists()
    {
        var classifier = Resolve(new TriageSettings { IntentModelDirectory = RepositoryFiles.ModelDirectory, SecondStage = true });

        var cascade = Assert.IsType<CascadeIntentClassifier>(classifier);
        Assert.Contains("+intent-embed-", cascade.ModelVersion);
        var head = EmbeddingIntentHead.Load(Path.Combine(RepositoryFiles.ModelDirectory, EmbeddingIntentHead.FileName));
        Assert.Equal((head.Info.Band, head.Info.NgramWeight), (cascade.Band, cascade.NgramWeight));
    }

    [Fact]
    public void By_default_the_ngram_model_serves_alone_because_the_cascade_misses_the_latency_budget()
    {
        Assert.False(new TriageSettings().SecondStage);

        var classifier = Resolve(new TriageSettings { IntentModelDirectory = RepositoryFiles.ModelDirectory });

        Assert.IsType<NgramIntentClassifier>(classifier);
    }

    [Fact]
    public void Without_a_head_file_the_ngram_model_serves_alone()
    {
        File.Copy(Path.Combine(RepositoryFiles.ModelDirectory, IntentModel.FileName), Path.Combine(_directory, IntentModel.FileName));

        var classifier = Resolve(new TriageSettings { IntentModelDirectory = _directory, SecondStage = true });

        Assert.IsType<NgramIntentClassifier>(classifier);
    }
}
