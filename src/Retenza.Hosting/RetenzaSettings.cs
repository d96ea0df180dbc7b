using Microsoft.Extensions.Configuration;

namespace Retenza.Hosting;

/// <summary>
/// The one configuration section silo, API and tools read ("Retenza"). A PostgreSQL connection
/// string selects cluster mode; without one the API runs in local mode with a co-hosted silo.
/// </summary>
public sealed class RetenzaSettings
{
    public const string SectionName = "Retenza";

    public PostgresSettings Postgres { get; set; } = new();

    public ClusterSettings Cluster { get; set; } = new();

    public TriageSettings Triage { get; set; } = new();

    /// <summary>Bounds of each customer's state (Retenza:CustomerMemory); the defaults suit production.</summary>
    public Retenza.Grains.Customers.CustomerMemoryOptions CustomerMemory { get; set; } = new();

    public bool IsLocalMode => string.IsNullOrWhiteSpace(Postgres.ConnectionString);

    public static RetenzaSettings From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<RetenzaSettings>() ?? new RetenzaSettings();
}

public sealed class PostgresSettings
{
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending schema migrations when a silo starts (safe with several silos: the migrator locks).</summary>
    public bool MigrateOnStart { get; set; }
}

public sealed class ClusterSettings
{
    /// <summary>Silos and clients with the same ClusterId find each other in the membership table.</summary>
    public string ClusterId { get; set; } = "retenza";

    /// <summary>Keys grain state and reminders: keep it stable across deployments.</summary>
    public string ServiceId { get; set; } = "retenza";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>IP address or host name other silos reach this one by; defaults to this machine's host name.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>How long a silo waits for a peer's answer to a liveness probe; three missed probes make it vote the
    /// peer dead. Null keeps Orleans' default (5 s). Shorter finds a crashed silo sooner, at the risk of evicting a
    /// silo that was only slow.</summary>
    public TimeSpan? ProbeTimeout { get; set; }

    /// <summary>Whether a silo that judges itself unhealthy (stalls, CPU starvation) waits correspondingly longer
    /// before suspecting peers. Null keeps Orleans' default (on). Orleans multiplies the probe timeout by one plus the
    /// silo's degradation score, so on an overloaded host a crashed peer's grains stay unreachable several times longer.</summary>
    public bool? ExtendProbeTimeoutDuringDegradation { get; set; }

    /// <summary>Votes of distinct silos needed to declare a silo dead; null keeps Orleans' default (2).</summary>
    public int? NumVotesForDeathDeclaration { get; set; }

    /// <summary>
    /// Share of the memory the process may use (the container's limit, else the machine's) above which the silo
    /// deactivates its least recently used grains until it is 5 points below; 0 turns it off. Idle collection
    /// (<see cref="KeepIdleRecordsFor"/>) keeps a few minutes of traffic whatever memory it takes: measured 12 KB per
    /// ingested ticket (ticket and order activations), about 2 GB at 1,000 tickets/s. Deactivated grains come back
    /// from storage on their next call.
    /// </summary>
    public double ShedActivationsAbovePercent { get; set; } = 80;

    /// <summary>
    /// How long a ticket, customer, order or customer-index grain stays in memory after its last call (Orleans keeps
    /// other grains 15 minutes). These are one per email or sender and are rarely called again soon after ingest,
    /// so the silo's memory holds about this many minutes of traffic instead of fifteen; a later call reads the
    /// grain back from storage (one read). At least one minute, Orleans' collection interval.
    /// </summary>
    public TimeSpan KeepIdleRecordsFor { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class TriageSettings
{
    /// <summary>Folder of the intent model (<c>retenza train</c> writes it); defaults to the copy shipped next to the assemblies.</summary>
    public string? IntentModelDirectory { get; set; }

    /// <summary>
    /// Whether emails the n-gram intent model is unsure of also go through the sentence-embedding
    /// stage (when its head file exists beside the n-gram model). Off by default: it raises noisy-mail
    /// accuracy but costs several milliseconds per uncertain email, far over the triage latency budget
    /// (numbers in models/MODEL_CARD.md).
    /// </summary>
    public bool SecondStage { get; set; }

    public string ResolvedIntentModelDirectory =>
        string.IsNullOrWhiteSpace(IntentModelDirectory) ? Path.Combine(AppContext.BaseDirectory, "models", "intent") : IntentModelDirectory;
}
