namespace Retenza.Grains.Agents;

[GenerateSerializer, Alias("Retenza.Grains.AgentSessionState")]
public sealed class AgentSessionState
{
    [Id(0)] public bool SignedIn { get; set; }
    [Id(1)] public List<string> Queues { get; set; } = [];
    [Id(2)] public int Capacity { get; set; }

    /// <summary>Tickets this agent holds, oldest claim first.</summary>
    [Id(3)] public List<string> Claims { get; set; } = [];

    /// <summary>Heartbeats are not written (they would cost a write every few seconds per agent); this is the last one seen at a write.</summary>
    [Id(4)] public DateTimeOffset? LastHeartbeatAt { get; set; }
}
