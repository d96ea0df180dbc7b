using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Retenza.Postgres;

namespace Retenza.Hosting;

public static class SiloHostExtensions
{
    /// <summary>A dedicated silo process: cluster mode only, since a lone in-memory silo would serve nobody.</summary>
    public static RetenzaSettings AddRetenzaSilo(this IHostApplicationBuilder builder)
    {
        var settings = RetenzaSettings.From(builder.Configuration);
        if (settings.IsLocalMode)
        {
            throw new InvalidOperationException(
                "Retenza.Silo needs Retenza:Postgres:ConnectionString. For a single-process demo run the API alone (local mode).");
        }

        builder.UseOrleans(silo => silo.AddRetenza(settings));
        return settings;
    }

    /// <summary>Applies pending migrations first when Retenza:Postgres:MigrateOnStart is set; concurrent silos serialise on the migrator's lock.</summary>
    public static async Task MigrateOnStartAsync(this RetenzaSettings settings, CancellationToken ct = default)
    {
        if (settings.Postgres.MigrateOnStart)
        {
            await SchemaMigrator.MigrateAsync(settings.Postgres.ConnectionString!, NullLogger.Instance, ct);
        }
    }
}
