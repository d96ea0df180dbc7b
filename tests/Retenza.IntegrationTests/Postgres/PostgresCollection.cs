namespace Retenza.IntegrationTests.Postgres;

/// <summary>Tests that share one <see cref="PostgresServer"/>; each test still works in its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "Postgres";
}
