using Retenza.Customers;

namespace Retenza.Grains.Customers;

/// <summary>A page of a customer's index (see <see cref="ICustomerIndexPageGrain"/>): written once when the customer fills it.</summary>
public sealed class CustomerIndexPageGrain(
    [PersistentState("customer-index", StorageNames.Default)] IPersistentState<CustomerIndexPageState> state) : Grain, ICustomerIndexPageGrain
{
    public async Task Store(IReadOnlyList<string> ids)
    {
        if (state.RecordExists && state.State.Ids.SequenceEqual(ids))
        {
            return;
        }

        state.State.Ids = [.. ids];
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
    }

    public Task<IReadOnlyList<string>> Ids() => Task.FromResult<IReadOnlyList<string>>(state.State.Ids.ToArray());

    public async Task Clear()
    {
        if (!state.RecordExists)
        {
            return;
        }

        await state.ClearStateAsync();
        state.State = new CustomerIndexPageState();
    }
}
