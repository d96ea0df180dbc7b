using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.Json.Serialization;
using Retenza.Triage.Customers;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;

namespace Retenza.Triage.Bench;

/// <summary>
/// A realistic mix of inbound mail: our golden emails (with their orders and customer history) and
/// our noisy paraphrases (short, messy, no order). Read from the repository, never from public data.
/// </summary>
public sealed class TriageMix
{
    private TriageMix(ITriagePipeline pipeline, IReadOnlyList<TriageRequest> requests, TriageRequest routine)
    {
        Pipeline = pipeline;
        Requests = requests;
        Routine = routine;
    }

    public ITriagePipeline Pipeline { get; }

    public IReadOnlyList<TriageRequest> Requests { get; }

    /// <summary>The fast path: a plain tracking question about an order in transit.</summary>
    public TriageRequest Routine { get; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The same components the silos register (Retenza.Hosting's AddRetenzaTriage), built by hand.</summary>
    public static ITriagePipeline BuildPipeline() =>
        TriageEngine.CreateDefault(NgramIntentClassifier.Load(Path.Combine(RepositoryRoot, "models", "intent")), TimeProvider.System);

    public static TriageMix Load()
    {
        var requests = new List<TriageRequest>();
        var golden = Path.Combine(RepositoryRoot, "tests", "Retenza.UnitTests", "Triage", "Golden", "golden.jsonl");
        foreach (var line in File.ReadLines(golden).Where(l => l.Length > 0))
        {
            var node = JsonNode.Parse(line)!.AsObject();
            var order = node["order"]?.Deserialize<OrderSnapshot>(Json);
            var customer = node["customer"]?.Deserialize<CustomerContext>(Json) ?? CustomerContext.FirstContact;
            requests.Add(Request((string)node["subject"]!, (string)node["text"]!, (string?)node["orderId"]) with
            {
                Customer = customer,
                Orders = new PreviewOrderSource(order, NoOrders.Instance),
            });
        }

        var noisy = Path.Combine(RepositoryRoot, "training", "eval", "noisy.tsv");
        foreach (var line in File.ReadLines(noisy).Skip(1).Where(l => l.Length > 0))
        {
            requests.Add(Request("", line.Split('\t')[1], null));
        }

        var routine = requests[0];
        return new TriageMix(BuildPipeline(), requests, routine);
    }

    private static TriageRequest Request(string subject, string text, string? orderId) =>
        new("bench", $"{Guid.NewGuid():N}@bench", "sam@example.com", subject, text, orderId, DateTimeOffset.UtcNow) { FromName = "Sam" };

    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Retenza.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmark inside the repository");
    }
}
