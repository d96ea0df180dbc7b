using System.Security.Cryptography;
using System.Text;
using Retenza.Agents;

namespace Retenza.Grains.Agents;

public sealed class AgentGrain([PersistentState("agent", StorageNames.Default)] IPersistentState<AgentState> state) : Grain, IAgentGrain
{
    public async Task<bool> Create(AgentProfile profile, string tokenHash)
    {
        if (state.State.Profile is not null)
        {
            return false;
        }

        state.State.Profile = profile;
        state.State.TokenHash = tokenHash;
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        return true;
    }

    public async Task<AgentProfile?> ReplaceToken(string tokenHash)
    {
        if (state.State.Profile is null)
        {
            return null;
        }

        state.State.TokenHash = tokenHash;
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        return state.State.Profile;
    }

    public Task<AgentProfile?> Authenticate(string tokenHash)
    {
        var known = state.State.TokenHash;
        var match = state.State.Profile is not null && known.Length == tokenHash.Length
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(known), Encoding.ASCII.GetBytes(tokenHash));
        return Task.FromResult(match ? state.State.Profile : null);
    }

    public Task<AgentProfile?> Get() => Task.FromResult(state.State.Profile);
}
