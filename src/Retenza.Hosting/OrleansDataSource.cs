using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Retenza.Postgres;

namespace Retenza.Hosting;

/// <summary>
/// The one Npgsql data source a process's Orleans providers (clustering, grain storage, reminders) share, built from
/// <see cref="ConnectionStrings.ForOrleans"/> and disposed with the host. Handing the providers a data source instead
/// of a connection string is not cosmetic: Npgsql builds a data source per connection string on first use, and when
/// the providers' first connections raced, the loser disposed its multiplexing data source and waited synchronously
/// for its writer to stop, on the thread of Orleans' start-up scheduler: the silo hung before joining the cluster.
/// </summary>
internal static class OrleansDataSource
{
    /// <summary>Keyed, so it never stands in for a data source of the process's own (the API's tenant store).</summary>
    private const string Key = "retenza-orleans";

    public static IServiceCollection AddOrleansDataSource(this IServiceCollection services, string connectionString)
    {
        services.AddKeyedSingleton(Key, (_, _) => NpgsqlDataSource.Create(ConnectionStrings.ForOrleans(connectionString)));
        return services;
    }

    public static NpgsqlDataSource From(IServiceProvider services) => services.GetRequiredKeyedService<NpgsqlDataSource>(Key);
}
