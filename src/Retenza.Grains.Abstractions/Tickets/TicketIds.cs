using Retenza.Messages;
using Retenza.Tenancy;

namespace Retenza.Tickets;

public static class TicketIds
{
    public const string Prefix = "tkt-";

    /// <summary>The ticket a first message opens: derived from the message id, so a replay finds it.</summary>
    public static string ForMessage(string tenant, string messageId) =>
        GrainKeys.Derive(Prefix, tenant, MessageIds.Normalize(messageId));

    public static bool IsWellFormed(string id) => GrainKeys.IsWellFormed(Prefix, id);
}
