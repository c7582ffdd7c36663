namespace ServicePolicy.Evaluation;

using System.Diagnostics;

/// <summary>
/// The one time budget of the decision running on this thread. Every loop that can be long (rules,
/// list elements, regular expression matches) checks it, so the budget bounds the whole decision,
/// not each step; when it is spent the decision stops and denies.
/// </summary>
internal static class DecisionDeadline
{
    // A Stopwatch timestamp; 0 when no decision runs on this thread.
    [ThreadStatic]
    private static long t_deadline;

    /// <summary>Starts a decision's budget; returns the deadline in force before (a nested decision never outlives its caller's).</summary>
    public static long Enter(TimeSpan budget)
    {
        var previous = t_deadline;
        var deadline = budget <= TimeSpan.Zero || budget == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : Stopwatch.GetTimestamp() + (long)Math.Min(budget.TotalSeconds * Stopwatch.Frequency, long.MaxValue / 2);
        t_deadline = previous != 0 ? Math.Min(previous, deadline) : deadline;
        return previous;
    }

    public static void Exit(long previous) => t_deadline = previous;

    /// <summary>Throws <see cref="DecisionBudgetExceededException"/> when the decision's budget is spent.</summary>
    public static void ThrowIfPassed()
    {
        var deadline = t_deadline;
        if (deadline != 0 && Stopwatch.GetTimestamp() > deadline)
        {
            throw new DecisionBudgetExceededException();
        }
    }
}

/// <summary>The decision's time budget is spent: the engine stops evaluating and denies.</summary>
internal sealed class DecisionBudgetExceededException : Exception
{
    public DecisionBudgetExceededException()
        : base("The decision's time budget is spent.")
    {
    }
}
