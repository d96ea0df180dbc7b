using Retenza.Tenancy;
using Retenza.Triage.Orders;

namespace Retenza.Orders;

public static class OrderIds
{
    /// <summary>Keeps all-digit order numbers ("1001") from looking like integer keys to ADO.NET storage.</summary>
    public const string Prefix = "ord-";

    /// <summary>The grain id of an order: the prefix and the normalised order id, so every spelling finds one grain.</summary>
    public static string ForOrder(string orderId) => Prefix + OrderReference.Normalize(orderId);

    public static string Key(string tenant, string orderId) => GrainKeys.Compose(tenant, ForOrder(orderId));

    /// <summary>The order id a grain id stands for ("ord-RT-10006" → "RT-10006").</summary>
    public static string FromGrainId(string id) =>
        id.StartsWith(Prefix, StringComparison.Ordinal) && id.Length > Prefix.Length
            ? id[Prefix.Length..]
            : throw new ArgumentException($"'{id}' is not an order grain id.", nameof(id));
}
