using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Retenza.Customers;
using Retenza.Orders;
using Retenza.Tenancy;
using Retenza.Tickets;

namespace Retenza.Grains.Customers;

/// <summary>
/// Everything a customer is linked to, beyond the bounded history: tickets that aged out and orders
/// pushed with its email go to index pages (one write per full page, none per ingest otherwise), so
/// erasure and export reach all of them.
/// </summary>
public sealed partial class CustomerGrain
{
    /// <summary>Grains erased at once: bounds the fan-out for a customer with thousands of tickets.</summary>
    private const int EraseBatch = 100;

    private CustomerMemoryOptions? _bounds;

    private CustomerMemoryOptions Bounds => _bounds ??= ServiceProvider.GetService<IOptions<CustomerMemoryOptions>>()?.Value ?? new CustomerMemoryOptions();

    private string CustomerId => GrainKeys.Split(this.GetPrimaryKeyString()).Id;

    public async Task<CustomerHoldings> Holdings()
    {
        var tenant = GrainKeys.Split(this.GetPrimaryKeyString()).Tenant;
        var pages = await Task.WhenAll(Enumerable.Range(0, Customer.IndexPages).Select(p => Page(tenant, p).Ids()));
        var indexed = pages.SelectMany(p => p).Concat(Customer.IndexPending).ToList();
        var tickets = indexed.Where(id => id.StartsWith(TicketIds.Prefix, StringComparison.Ordinal))
            .Concat(Customer.Tickets.Select(t => t.TicketId))
            .Concat(Customer.Contacts.Select(c => c.TicketId))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var orders = indexed.Where(id => id.StartsWith(OrderIds.Prefix, StringComparison.Ordinal))
            .Select(OrderIds.FromGrainId)
            .Concat(Customer.Orders)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new CustomerHoldings(tickets, orders);
    }

    public async Task LinkOrder(string orderId, string email)
    {
        var created = !state.RecordExists;
        var linked = ContactHistory.LinkOrder(Customer, orderId, Bounds.MaxOrders);
        if (!linked && !created)
        {
            return; // platforms re-push orders on every change: a known order costs no write
        }

        if (Customer.Email.Length == 0)
        {
            // A new customer, or one erased earlier whom the platform names again.
            Customer.Email = CustomerIds.NormalizeEmail(email);
        }

        await StoreFullIndexPages(GrainKeys.Split(this.GetPrimaryKeyString()).Tenant);
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
    }

    public async Task<bool> Erase()
    {
        if (!state.RecordExists)
        {
            return false;
        }

        // Already erased and nothing linked since: erasing again changes nothing and writes nothing.
        if (Customer.ErasedAt is not null && Customer.Email.Length == 0 && Customer.Contacts.Count == 0 && Customer.Tickets.Count == 0
            && Customer.Orders.Count == 0 && Customer.IndexPending.Count == 0 && Customer.IndexPages == 0)
        {
            return true;
        }

        // Tickets, then orders, then the index pages, then this record: each step is idempotent, and the
        // record (which still lists everything) is written last, so a crash anywhere is finished by a retry.
        var tenant = GrainKeys.Split(this.GetPrimaryKeyString()).Tenant;
        var holdings = await Holdings();
        foreach (var batch in holdings.TicketIds.Chunk(EraseBatch))
        {
            await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<ITicketGrain>(GrainKeys.Compose(tenant, id)).Erase()));
        }

        foreach (var batch in holdings.OrderIds.Chunk(EraseBatch))
        {
            await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<IOrderGrain>(OrderIds.Key(tenant, id)).Erase(CustomerId)));
        }

        await Task.WhenAll(Enumerable.Range(0, Customer.IndexPages).Select(p => Page(tenant, p).Clear()));

        // Counts survive as the summary; identity, messages' subjects, the per-contact trail and the links go.
        foreach (var contact in Customer.Contacts)
        {
            Customer.Older = ContactHistory.Fold(Customer.Older, contact);
        }

        Customer.EarlierTickets += Customer.Tickets.Count;
        Customer.Contacts = [];
        Customer.Tickets = [];
        Customer.Orders = [];
        Customer.IndexPending = [];
        Customer.IndexPages = 0;
        Customer.Email = "";
        Customer.Name = null;
        Customer.ExternalId = null;
        Customer.Vip = false;
        Customer.LifetimeValue = 0m;
        Customer.ErasedAt ??= time.GetUtcNow();
        _fresh.Clear();
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        return true;
    }

    /// <summary>
    /// Moves full pages of aged-out ids to index pages before this record is written. Page n is always
    /// the same ids, so a crash before the record's write is repaired by rewriting it (no duplicate, no loss).
    /// </summary>
    private async Task StoreFullIndexPages(string tenant)
    {
        var size = Math.Max(1, Bounds.IndexPageSize);
        while (Customer.IndexPending.Count >= size)
        {
            await Page(tenant, Customer.IndexPages).Store(Customer.IndexPending.GetRange(0, size));
            Customer.IndexPending.RemoveRange(0, size);
            Customer.IndexPages++;
        }
    }

    private ICustomerIndexPageGrain Page(string tenant, int page) =>
        GrainFactory.GetGrain<ICustomerIndexPageGrain>(CustomerIds.IndexPage(tenant, CustomerId, page));
}
