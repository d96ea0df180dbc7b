namespace Retenza.Tenancy;

/// <summary>Answers when a silo can run grains; the API's /ready probe calls it.</summary>
[Alias("Retenza.IReadinessGrain")]
public interface IReadinessGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task<DateTimeOffset> Ping();
}
