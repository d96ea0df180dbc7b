using Npgsql;
using Retenza.IntegrationTests.Postgres;
using Retenza.Postgres;

namespace Retenza.IntegrationTests.Cluster;

[Collection(PostgresCollection.Name)]
public sealed class MigrateOnStartTests(PostgresServer postgres)
{
    [Fact]
    public async Task Silos_started_together_on_an_empty_database_migrate_it_once_and_join()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var clusterId = "migrate-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string> { ["Retenza__Postgres__MigrateOnStart"] = "true" };

        await using var first = SiloProcess.Start(connectionString, clusterId, settings);
        await using var second = SiloProcess.Start(connectionString, clusterId, settings);
        await Task.WhenAll(first.WaitUntilActiveAsync(TimeSpan.FromSeconds(60)), second.WaitUntilActiveAsync(TimeSpan.FromSeconds(60)));

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var applied = new List<string>();
        await using (var reader = await dataSource.CreateCommand("SELECT name FROM retenza_schema_migrations ORDER BY name").ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                applied.Add(reader.GetString(0));
            }
        }

        Assert.Equal(SchemaMigrator.KnownMigrations, applied);
    }
}
