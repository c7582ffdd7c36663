namespace ServicePolicy.Core.Tests.Hostile;

/// <summary>
/// Runs a load on a thread with a small stack (512 KiB unless told), so that recursion overflows
/// it, and fails if it takes longer than 30 seconds (a hang; or the deadline given) or throws.
/// </summary>
internal static class LoadGuard
{
    public static T Run<T>(Func<T> load, int stackBytes = 512 * 1024, TimeSpan? deadline = null)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = load();
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            maxStackSize: stackBytes);
        thread.Start();
        Assert.True(thread.Join(deadline ?? TimeSpan.FromSeconds(30)), "The loader hung on hostile input.");
        Assert.Null(failure);
        return result;
    }
}
