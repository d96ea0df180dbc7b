namespace Retenza.Api.FunctionalTests;

/// <summary>Every test class in this collection shares one <see cref="RetenzaApiFactory"/> (one silo start).</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<RetenzaApiFactory>
{
    public const string Name = "Retenza API";
}
