namespace ServicePolicy.AnalyzerCost;

using System.Runtime.InteropServices;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>). Unlike a
/// stopwatch around a callback, it does not count the time the thread waits for a core while the
/// compiler's other threads run, which is what makes the compiler's own per-analyzer times
/// (<c>/reportanalyzer</c>) swing by a factor of two from one build to the next on two cores.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux();

    public static long NowTicks()
    {
        if (!IsAvailable || clock_gettime(ClockThreadCpuTime, out var time) != 0)
        {
            return 0;
        }

        return (time.Seconds * 1_000_000_000L + time.Nanoseconds) / 100;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
