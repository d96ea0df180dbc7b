using Orleans.Concurrency;
using Retenza.Customers;
using Retenza.Grains.Orders;
using Retenza.Grains.Policy;
using Retenza.Messages;
using Retenza.Previews;
using Retenza.Tenancy;
using Retenza.Triage;
using Retenza.Triage.Customers;
using Retenza.Triage.Orders;

namespace Retenza.Grains.Previews;

[StatelessWorker]
public sealed class TriagePreviewGrain(ITriagePipeline triage, TenantPolicyCache policies) : Grain, ITriagePreviewGrain
{
    public async Task<TriageResult> Preview(string tenant, InboundMessage message, OrderSnapshot? order, CustomerContext? customer)
    {
        customer ??= await GrainFactory
            .GetGrain<ICustomerGrain>(GrainKeys.Compose(tenant, CustomerIds.ForEmail(tenant, message.From.Email)))
            .Context();

        var request = TriageRequests.For(tenant, message, customer, await policies.GetAsync(tenant),
            new PreviewOrderSource(order, new GrainOrderSource(GrainFactory, tenant)));
        return await triage.TriageAsync(request);
    }
}
