namespace ServicePolicy.Evaluation;

/// <summary>
/// The engine's reading of "now". With the system clock it reads a monotonic tick count (a few
/// nanoseconds) and re-anchors to the wall clock every 100 ms, instead of asking the operating
/// system for the wall-clock time on every decision (which costs 30 to 100 ns on virtual machines).
/// Any other <see cref="TimeProvider"/> (a test clock, a custom one) is asked every time.
/// </summary>
internal sealed class DecisionClock
{
    private const long ResyncMilliseconds = 100;
    private readonly TimeProvider _time;
    private readonly bool _isSystem;

    // The anchor (wall-clock ticks and the tick count at that moment) is guarded by a sequence
    // number: odd while being written, so a reader that sees it change reads the wall clock instead.
    private int _sequence;
    private long _anchorUtcTicks;
    private long _anchorTickCount;

    public DecisionClock(TimeProvider time)
    {
        _time = time;
        _isSystem = ReferenceEquals(time, TimeProvider.System);
        _anchorUtcTicks = time.GetUtcNow().UtcTicks;
        _anchorTickCount = Environment.TickCount64;
    }

    public DateTimeOffset GetUtcNow()
    {
        if (!_isSystem)
        {
            return _time.GetUtcNow();
        }

        var ticks = Environment.TickCount64;
        var before = Volatile.Read(ref _sequence);
        var anchorUtc = Volatile.Read(ref _anchorUtcTicks);
        var anchorTicks = Volatile.Read(ref _anchorTickCount);
        var elapsed = ticks - anchorTicks;
        if ((before & 1) == 0 && Volatile.Read(ref _sequence) == before && elapsed >= 0 && elapsed < ResyncMilliseconds)
        {
            return new DateTimeOffset(anchorUtc + (elapsed * TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        }

        var now = _time.GetUtcNow();
        if (Interlocked.CompareExchange(ref _sequence, before + 1, before) == before && (before & 1) == 0)
        {
            Volatile.Write(ref _anchorUtcTicks, now.UtcTicks);
            Volatile.Write(ref _anchorTickCount, ticks);
            Volatile.Write(ref _sequence, before + 2);
        }

        return now;
    }
}
