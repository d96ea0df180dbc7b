namespace Retenza.Orders;

[GenerateSerializer]
public enum OrderPutOutcome
{
    Created,
    Updated,

    /// <summary>The platform pushed what we already hold: nothing was written.</summary>
    Unchanged,
}
