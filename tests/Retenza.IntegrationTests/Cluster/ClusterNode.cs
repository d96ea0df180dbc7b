using System.Net.Http.Headers;
using Npgsql;
using Retenza.Tenants;

namespace Retenza.IntegrationTests.Cluster;

/// <summary>Set-up shared by the cluster tests: a tenant with a platform key, and an HTTP client for an API node.</summary>
internal static class ClusterNode
{
    public static async Task<string> AddTenantAsync(string connectionString, string tenant)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var keys = await new TenantStore(dataSource).AddTenantAsync(tenant);
        return keys[ApiKeyKind.Platform];
    }

    public static HttpClient CreateClient(ClusterApiFactory api, string key)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static async Task<long> CountTicketRowsAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM orleans_storage WHERE grain_type = 'ticket' AND payload_binary IS NOT NULL");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
