namespace Retenza.Grains;

internal static class GrainCallFailures
{
    /// <summary>
    /// Runs the call; if it fails, the activation is dropped so the next call starts from what storage holds. For
    /// grains whose changes edit the state, await other grains, then write once: a failure in between (a silo crashed
    /// under the awaited call) would otherwise leave the unsaved half of the change in memory for the retry to meet.
    /// </summary>
    public static async Task InvokeOrDeactivate(this IIncomingGrainCallContext context, Action deactivateOnIdle)
    {
        try
        {
            await context.Invoke();
        }
        catch
        {
            deactivateOnIdle();
            throw;
        }
    }
}
