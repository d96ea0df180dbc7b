using System.Net;
using System.Net.Sockets;

namespace Retenza.IntegrationTests.Cluster;

internal static class FreePort
{
    /// <summary>A port the OS just handed out, so parallel clusters and a developer's running instance never clash.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
